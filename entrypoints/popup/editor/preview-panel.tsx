import { Fragment } from 'preact';
import type { PreviewState } from './use-preview';
import { formatCount, formatNumber } from '../../../lib/format/number';
import { syncInProgressText } from '../../../lib/format/sync-progress';
import { leadsLoadingText } from '../../../lib/format/leads-loading';

/**
 * The live preview's count line: a `role="status"` element whose text is "N leads match" once the
 * background has answered for the current rules (issue 4 §5). While a new answer is on its way the
 * status says "Counting matching leads…" and the previous count stays visible (not announced,
 * dimmed), so the number never flickers and is never read stale. A count taken while a sync still
 * stores leads says so ("Sync in progress: 4,000 of 9,240 leads stored so far"); while the
 * background still loads its copy of the leads (right after it started) the status says how far
 * ("Loading leads… 40,000 of 120,000") and no count is shown as the current one.
 */
export function PreviewStatus({ state }: { state: PreviewState }) {
  const stale = state.kind === 'loading' || state.kind === 'error' ? state.last : undefined;
  return (
    <div class="preview-status" aria-busy={state.kind === 'loading' || undefined}>
      <span role="status" class={`preview-count preview-${state.kind}`}>
        {state.kind === 'ready' && (
          <>
            <strong>{formatNumber(state.preview.count)} leads match</strong>
            <span class="preview-total"> of {formatCount(state.preview.total, 'lead', 'leads')}</span>
            {state.preview.sync && <span class="preview-sync">{syncInProgressText(state.preview.sync)}</span>}
          </>
        )}
        {state.kind === 'incomplete' && 'Complete the rules to see matching leads'}
        {state.kind === 'loading' &&
          (state.leads ? (
            <span class="preview-loading-leads">{leadsLoadingText(state.leads)}</span>
          ) : stale ? (
            <span class="sr-only">Counting matching leads…</span>
          ) : (
            'Counting matching leads…'
          ))}
        {state.kind === 'error' && `Preview unavailable: ${state.error}`}
      </span>
      {state.kind === 'loading' && stale && (
        <span class="preview-count preview-stale" aria-hidden="true">
          <strong>{formatNumber(stale.count)} leads match</strong>
        </span>
      )}
      {state.kind === 'loading' && <span class="spinner" aria-hidden="true" />}
    </div>
  );
}

/** Up to 5 sample members of the preview (shown under the rules), or nothing. */
export function PreviewSample({ state }: { state: PreviewState }) {
  const preview = state.kind === 'ready' ? state.preview : state.kind === 'loading' ? state.last : undefined;
  if (!preview) return null;
  return (
    <section class={`sample${state.kind === 'loading' ? ' is-stale' : ''}`} aria-label="Sample of matching leads">
      <h3 class="section-title">Sample of matching leads</h3>
      {preview.sample.length === 0 ? (
        <p class="muted">No lead matches these rules yet.</p>
      ) : (
        <ul class="sample-list">
          {preview.sample.map((lead) => {
            const details = [lead.company, lead.status, lead.country].filter((v): v is string => Boolean(v && v.trim() !== ''));
            return (
              <li key={lead.id} class="sample-lead">
                <span class="sample-name">
                  <bdi>{lead.name || lead.email || `Lead ${lead.crmId}`}</bdi>
                </span>
                <span class="sample-details">
                  {/* Each value isolated: a right-to-left override in one never reverses the next (issue 9). */}
                  {[lead.email && lead.name ? lead.email : '', ...details].filter(Boolean).map((value, i) => (
                    <Fragment key={i}>
                      {i > 0 && ' · '}
                      <bdi>{value}</bdi>
                    </Fragment>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
