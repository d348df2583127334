import { describe, expect, it } from 'vitest';
import { MessagePayloadSchemas } from './messages';
import { CustomFieldDefSchema, stripBidiControls } from './custom-field';
import { customFieldDef } from './fields';

/** Every bidi control the boundary refuses: embeddings/overrides, isolates, marks. */
const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

describe('custom field labels and bidi controls', () => {
  it('strips every bidi control character and nothing else', () => {
    expect(stripBidiControls(`Sco${CONTROLS.join('')}re`)).toBe('Score');
    expect(stripBidiControls('مدينة City — ok')).toBe('مدينة City — ok');
  });

  it('stores definitions without them, refuses a label that is only controls, and renames without them', () => {
    expect(CustomFieldDefSchema.parse({ key: 'score', label: '\u202EerocS\u202C', type: 'number' }).label).toBe('erocS');
    expect(CustomFieldDefSchema.safeParse({ key: 'score', label: '\u202E\u2066', type: 'number' }).success).toBe(false);
    expect(MessagePayloadSchemas.renameCustomField.parse({ key: 'score', label: ' \u2067Lead score\u2069 ' }).label).toBe('Lead score');
    expect(MessagePayloadSchemas.renameCustomField.safeParse({ key: 'score', label: '\u200F' }).success).toBe(false);
  });

  it('shows a label stored before the rule without the controls in the rule editor', () => {
    expect(customFieldDef({ key: 'score', label: 'Score\u202E', type: 'number' }).label).toBe('Score');
  });
});
