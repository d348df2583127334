import { describe, expect, it, vi } from 'vitest';
import { routeMessage, type MessageHandlers, type RouterIdentity } from './router';

const identity: RouterIdentity = { extensionId: 'ext123', extensionOrigin: 'chrome-extension://ext123/' };
const fromPopup = { id: 'ext123', url: 'chrome-extension://ext123/popup.html' };
const fromCrmTab = { id: 'ext123', url: 'http://127.0.0.1:5174/leads?page=2', tab: { id: 7 } };

function handlersWith(overrides: Partial<MessageHandlers>): MessageHandlers {
  const unexpected = async () => {
    throw new Error('unexpected handler call');
  };
  return new Proxy(overrides as MessageHandlers, {
    get: (target, key: string) => (target as Record<string, unknown>)[key] ?? unexpected,
  });
}

const rules = { combinator: 'and', rules: [{ field: 'status', operator: 'equals', value: 'New' }] };

describe('routeMessage', () => {
  it('passes a valid payload to its handler and wraps the answer', async () => {
    const deleteSegment = vi.fn(async ({ id }: { id: string }) => ({ id }));
    const result = await routeMessage(handlersWith({ deleteSegment }), identity, 'deleteSegment', { id: 's1' }, fromPopup);
    expect(result).toEqual({ ok: true, data: { id: 's1' } });
    expect(deleteSegment).toHaveBeenCalledWith({ id: 's1' }, fromPopup);
  });

  it('rejects an invalid payload with the rule named, without calling the handler', async () => {
    const createSegment = vi.fn();
    const draft = {
      name: 'Hot',
      color: '#112233',
      rules: { combinator: 'and', rules: [{ field: 'createdAt', operator: 'between', value: ['2026-02-01', '2026-01-01'] }] },
    };
    const result = await routeMessage(handlersWith({ createSegment }), identity, 'createSegment', { draft }, fromPopup);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("Rule 1: 'between' needs the first date on or before the second");
    expect(createSegment).not.toHaveBeenCalled();
  });

  it('rejects unknown types and foreign extensions', async () => {
    expect(await routeMessage(handlersWith({}), identity, 'dropTables', {}, fromPopup)).toEqual({
      ok: false,
      error: 'Unknown message type "dropTables".',
    });
    const foreign = await routeMessage(handlersWith({}), identity, 'getSyncStatus', {}, { id: 'evil', url: 'chrome-extension://evil/x.html' });
    expect(foreign).toEqual({ ok: false, error: 'Messages from other extensions are not accepted.' });
  });

  it('lets a content script sync only its own origin and not edit segments', async () => {
    const syncVisible = vi.fn(async () => ({ received: 1, stored: 1, unchanged: 0, skipped: [], nulledValues: 0 }));
    const handlers = handlersWith({ syncVisible });
    const own = await routeMessage(handlers, identity, 'syncVisible', { pageUrl: 'http://127.0.0.1:5174/leads', crmIds: ['1'] }, fromCrmTab);
    expect(own.ok).toBe(true);
    const other = await routeMessage(handlers, identity, 'syncVisible', { pageUrl: 'http://localhost:9999/', crmIds: ['1'] }, fromCrmTab);
    expect(other).toEqual({ ok: false, error: 'A page can only sync leads of its own CRM.' });
    const edit = await routeMessage(handlers, identity, 'previewSegment', { rules }, fromCrmTab);
    expect(edit).toEqual({ ok: false, error: "'previewSegment' can only be sent from the extension's own pages." });
    expect(syncVisible).toHaveBeenCalledTimes(1);
  });

  it('turns a handler failure into a plain error', async () => {
    const refreshSegment = vi.fn(async () => {
      throw new Error('Activate the segment to resume updates.');
    });
    const result = await routeMessage(handlersWith({ refreshSegment }), identity, 'refreshSegment', { id: 's1' }, fromPopup);
    expect(result).toEqual({ ok: false, error: 'Activate the segment to resume updates.' });
  });
});
