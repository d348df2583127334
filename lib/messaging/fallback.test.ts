import { describe, expect, it } from 'vitest';
import { answerUnroutedMessage, NO_ENVELOPE } from './fallback';

describe('answerUnroutedMessage (issue 9 item 5)', () => {
  it('leaves known message types to their handlers', () => {
    expect(answerUnroutedMessage({ id: 1, type: 'getSyncStatus', data: {}, timestamp: 0 })).toBeUndefined();
    expect(answerUnroutedMessage({ type: 'syncAll', data: { pageUrl: 'http://127.0.0.1/leads' } })).toBeUndefined();
  });

  it('answers inherited keys as unknown types instead of staying silent', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      expect(answerUnroutedMessage({ type, data: {} })).toEqual({ res: { ok: false, error: `Unknown message type "${type}".` } });
    }
    expect(answerUnroutedMessage({ type: 'dropDatabase' })).toEqual({ res: { ok: false, error: 'Unknown message type "dropDatabase".' } });
  });

  it('answers a message without the envelope', () => {
    for (const message of [undefined, null, 'syncAll', 42, [], {}, { type: 7 }, { data: {} }]) {
      expect(answerUnroutedMessage(message)).toEqual({ res: { ok: false, error: NO_ENVELOPE } });
    }
  });
});
