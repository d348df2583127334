// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { BackgroundProvider } from '../../../components/background-context';
import { DbProvider } from '../../../components/db-context';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import type { RuleSet } from '../../../lib/schema';
import { fakeBackground, testDb } from '../test-kit';
import { usePreview, type PreviewState } from './use-preview';

let db: CrmSegmentsDB | undefined;
afterEach(() => {
  cleanup();
  db?.close();
});

const rulesFor = (value: string): RuleSet => ({ combinator: 'and', rules: [{ field: 'source', operator: 'equals', value }] });

/** Renders the hook's state as text, and logs every state it rendered. */
function Probe({ rules, log }: { rules: RuleSet | null; log: PreviewState[] }) {
  const state = usePreview(rules, 0);
  log.push(state);
  return <p data-testid="state">{state.kind === 'ready' ? `${state.preview.count} match` : state.kind}</p>;
}

it('never renders the answer for the old rules as the answer for new ones, not even for one render', async () => {
  db = testDb();
  const counts: Record<string, number> = { Google: 7, Direct: 3 };
  const background = fakeBackground({
    previewSegment: async ({ rules }) => {
      const value = String(((rules as RuleSet).rules[0] as { value?: unknown }).value);
      return { ok: true, data: { count: counts[value] ?? 0, total: 10, sample: [], elapsedMs: 1 } };
    },
  });
  const log: PreviewState[] = [];
  const tree = (rules: RuleSet | null) => (
    <BackgroundProvider send={background.send}>
      <DbProvider db={db!}>
        <Probe rules={rules} log={log} />
      </DbProvider>
    </BackgroundProvider>
  );
  const view = render(tree(rulesFor('Google')));
  await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('7 match'));

  log.length = 0;
  view.rerender(tree(rulesFor('Direct')));
  await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('3 match'));
  // The first render with the new rules already shows the old count as the previous one, loading.
  expect(log[0]).toEqual({ kind: 'loading', last: expect.objectContaining({ count: 7 }) });
  expect(log.filter((state) => state.kind === 'ready').map((state) => state.kind === 'ready' && state.preview.count)).toEqual([3]);

  log.length = 0;
  view.rerender(tree(null));
  await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('incomplete'));
  expect(log.every((state) => state.kind === 'incomplete')).toBe(true);
});
