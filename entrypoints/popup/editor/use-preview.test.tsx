// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { BackgroundProvider } from '../../../components/background-context';
import { DbProvider } from '../../../components/db-context';
import type { CrmSegmentsDB } from '../../../lib/db/database';
import type { RuleSet } from '../../../lib/schema';
import { fakeBackground, testDb } from '../test-kit';
import { usePreview, type PreviewState } from './use-preview';
import { PreviewStatus } from './preview-panel';
import type { SegmentPreview } from '../../../lib/messaging/protocol';

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

function StatusProbe({ rules }: { rules: RuleSet }) {
  return <PreviewStatus state={usePreview(rules, 0)} />;
}

it('says how far the background has got loading its leads, asking again at each step, and shows no count until it has them all', async () => {
  db = testDb();
  const answers: Array<(answer: SegmentPreview) => void> = [];
  const background = fakeBackground({
    previewSegment: () => new Promise<SegmentPreview>((resolve) => answers.push(resolve)).then((data) => ({ ok: true, data })),
  });
  render(
    <BackgroundProvider send={background.send}>
      <DbProvider db={db}>
        <StatusProbe rules={rulesFor('Google')} />
      </DbProvider>
    </BackgroundProvider>,
  );
  const status = () => screen.getByRole('status').textContent;
  let answered = 0;
  /** Answers the next request (once it was sent). */
  const answer = async (data: SegmentPreview) => {
    await waitFor(() => expect(answers.length).toBeGreaterThan(answered));
    answers[answered++]!(data);
  };
  const loading = (loaded: number) => ({ count: 0, total: 0, sample: [], elapsedMs: 0, loading: { loaded, total: 120000 } });
  await answer(loading(0));
  await waitFor(() => expect(status()).toBe('Loading leads… 0 of 120,000'));
  await answer(loading(40000));
  await waitFor(() => expect(status()).toBe('Loading leads… 40,000 of 120,000'));
  expect(status()).not.toContain('match');
  await answer({ count: 7, total: 120000, sample: [], elapsedMs: 1 });
  await waitFor(() => expect(status()).toBe('7 leads match of 120,000 leads'));
  expect(background.of('previewSegment')).toHaveLength(3);
});
