import { wallClockIn } from '../engine/calendar';
import type { CustomFieldType } from '../schema/custom-field';
import type { CustomValue } from '../schema/lead';
import { dateReader, detectDateFormat } from './dates';
import type { DateFormatId, NumberStyle } from './plan';
import { detectNumberStyle, readBoolean, readNumber, splitList } from './values';

/**
 * Converts one stored custom value of a field whose type changes `from` → `to` (options page,
 * issue 11 item 3). Returns the new value; `null` when a non-empty value cannot be read as the new
 * type (the caller counts those: "could not be read as number and are now empty").
 */
export type ValueConverter = (value: CustomValue) => CustomValue;

/** How text is read during a type change, detected once from the field's stored text values. */
export interface RetypeReading {
  dateFormat: DateFormatId | null;
  numberStyle: NumberStyle;
  separator: string;
}

/** Detects the date format, number style and list separator from sample text values of the field. */
export function detectRetypeReading(samples: readonly string[]): RetypeReading {
  const texts = samples.map((s) => s.trim()).filter((s) => s !== '');
  const separator = texts.some((t) => t.includes(';')) ? ';' : texts.some((t) => t.includes('|')) ? '|' : ',';
  return { dateFormat: detectDateFormat(texts), numberStyle: detectNumberStyle(texts), separator };
}

/** True when `value` is empty (null, "", or an empty list): it stays empty and is not counted. */
export function isEmptyValue(value: CustomValue | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A value as text, the way the old type showed it (dates as wall-clock time in `timeZone`). */
function asText(value: CustomValue, from: CustomFieldType, timeZone: string): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' && from === 'date') return Number.isFinite(value) ? wallClockIn(value, timeZone, true) : '';
  return String(value);
}

/**
 * The converter of a type change `from` → `to`, reading text with `reading` and dates as wall
 * clocks in `timeZone`. Text → number/date/boolean/list is read as the CSV import reads it
 * (values.ts, dates.ts); numbers → boolean keep only 1/0; booleans → number become 1/0; a date →
 * text becomes "YYYY-MM-DD HH:mm" in `timeZone`. Values already of the new type stay as they are.
 */
export function valueConverter(from: CustomFieldType, to: CustomFieldType, reading: RetypeReading, timeZone: string): ValueConverter {
  const readDate = reading.dateFormat ? dateReader(reading.dateFormat, timeZone) : () => null;
  return (value) => {
    if (isEmptyValue(value)) return Array.isArray(value) && (to === 'multiselect') ? value : null;
    const v = value as Exclude<CustomValue, null>;
    switch (to) {
      case 'text':
      case 'select':
        return asText(v, from, timeZone);
      case 'number':
        if (typeof v === 'number') return from === 'date' ? null : v;
        if (typeof v === 'boolean') return v ? 1 : 0;
        return readNumber(asText(v, from, timeZone), reading.numberStyle);
      case 'date':
        if (typeof v === 'number') return from === 'date' ? v : null;
        if (typeof v === 'boolean') return null;
        return readDate(asText(v, from, timeZone));
      case 'boolean':
        if (typeof v === 'boolean') return v;
        if (typeof v === 'number') return from !== 'date' && (v === 0 || v === 1) ? v === 1 : null;
        return readBoolean(asText(v, from, timeZone));
      case 'multiselect': {
        if (Array.isArray(v)) return v;
        const list = typeof v === 'string' ? splitList(v, reading.separator) : [asText(v, from, timeZone)];
        return list.length > 0 ? list : null;
      }
    }
  };
}
