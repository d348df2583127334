import type { ComponentChildren } from 'preact';

/** A centred "nothing here" message with an optional action (empty lists, no segment chosen). */
export function EmptyState({ title, children, action }: { title: string; children?: ComponentChildren; action?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <div class="state-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.6">
          <circle cx="9" cy="8" r="3.5" />
          <path d="M2.5 19.5c.8-3.4 3.4-5.5 6.5-5.5s5.7 2.1 6.5 5.5" />
          <path d="M16 4.8a3.4 3.4 0 0 1 0 6.4M18.5 14.4c1.6.8 2.6 2.5 3 5.1" />
        </svg>
      </div>
      <p class="state-title">{title}</p>
      {children && <div class="state-text">{children}</div>}
      {action && <div class="state-action">{action}</div>}
    </div>
  );
}

/** A read or evaluation error, in plain words, with an optional retry. Announced to screen readers. */
export function ErrorState({ title, message, onRetry }: { title: string; message?: string; onRetry?: () => void }) {
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{title}</p>
      {message && <p class="state-text">{message}</p>}
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A loading placeholder (skeleton rows) announced as busy. */
export function LoadingState({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div class="state state-loading" role="status" aria-live="polite" aria-busy="true">
      <span class="visually-hidden">{label}</span>
      <div class="skeleton" aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} class="skeleton-row" style={{ width: `${92 - ((i * 17) % 30)}%` }} />
        ))}
      </div>
    </div>
  );
}
