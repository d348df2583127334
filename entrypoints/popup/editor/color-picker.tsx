import { useId, useState } from 'preact/hooks';
import { SEGMENT_COLORS, paletteColor } from '../../../components/segment-colors';
import { safeColor } from '../../../lib/format/color';

/** Props of {@link ColorPicker}. */
export interface ColorPickerProps {
  /** "#rrggbb", or an unfinished custom colour while the user types. */
  value: string;
  onChange: (color: string) => void;
  error?: string;
}

const DEFAULT_CUSTOM = '#334155';

/**
 * The segment colour: a radio group labelled "Color" with the 12 palette colours (each named for
 * screen readers) and "Custom", which reveals a "Hex code" box (#rrggbb) and a native colour
 * picker. Arrow keys move between choices (native radios). Colours reach CSS only through
 * `safeColor` (docs/semantics.md §2).
 */
export function ColorPicker({ value, onChange, error }: ColorPickerProps) {
  const labelId = useId();
  const errorId = useId();
  const name = useId();
  const isCustom = !paletteColor(value);
  const [custom, setCustom] = useState(isCustom ? value : DEFAULT_CUSTOM);
  const setCustomColor = (text: string) => {
    setCustom(text);
    onChange(text);
  };
  return (
    <div class="field">
      <span id={labelId} class="field-label">
        Color
      </span>
      <div role="radiogroup" aria-labelledby={labelId} class="swatches" aria-describedby={error ? errorId : undefined}>
        {SEGMENT_COLORS.map((c) => (
          <label key={c.hex} class="swatch" title={c.name}>
            <input
              type="radio"
              name={name}
              value={c.hex}
              aria-label={c.name}
              checked={value.toLowerCase() === c.hex}
              onChange={() => onChange(c.hex)}
            />
            <span class="swatch-dot" style={{ backgroundColor: c.hex }} aria-hidden="true" />
          </label>
        ))}
        <label class="swatch swatch-custom" title="Custom colour">
          <input type="radio" name={name} value="custom" aria-label="Custom" checked={isCustom} onChange={() => onChange(custom)} />
          <span
            class="swatch-dot"
            style={isCustom ? { backgroundColor: safeColor(value) } : undefined}
            aria-hidden="true"
          >
            {!isCustom && '+'}
          </span>
        </label>
      </div>
      {isCustom && (
        <div class="custom-color">
          <input
            type="color"
            class="color-well"
            aria-label="Pick a shade"
            value={safeColor(value)}
            onInput={(e) => setCustomColor(e.currentTarget.value)}
          />
          <input
            type="text"
            class="input input-hex"
            aria-label="Hex code"
            placeholder="#rrggbb"
            maxLength={7}
            spellcheck={false}
            value={value}
            aria-invalid={Boolean(error) || undefined}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => setCustomColor(e.currentTarget.value.trim())}
          />
        </div>
      )}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
