/** Props of {@link Switch}. */
export interface SwitchProps {
  checked: boolean;
  /** Accessible name, e.g. "Active". */
  label: string;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** True while the change is being applied: announced as busy, clicks ignored. */
  busy?: boolean;
  /** id of an element that explains the switch (aria-describedby). */
  describedBy?: string;
}

/** An on/off switch (`role="switch"`, Space/Enter toggle as a native button). */
export function Switch({ checked, label, onChange, disabled, busy, describedBy }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="switch"
      aria-checked={checked}
      aria-label={label}
      aria-busy={busy || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => {
        if (!busy) onChange(!checked);
      }}
    >
      <span class="switch-thumb" aria-hidden="true" />
    </button>
  );
}
