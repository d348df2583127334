// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackgroundProvider } from '../../components/background-context';
import { DbProvider } from '../../components/db-context';
import type { CrmSegmentsDB } from '../../lib/db/database';
import { buildSegmentFile } from '../../lib/schema/segment-file';
import { TEST_USER, fakeBackground, makeSegment, testDb } from '../popup/test-kit';
import { SegmentFilesSection } from './segment-files-section';

let db: CrmSegmentsDB;
beforeEach(() => {
  db = testDb();
});
afterEach(() => {
  cleanup();
  db.close();
});

const mineHot = makeSegment({ id: 'hot', name: 'Hot leads', ownerId: TEST_USER.userId });
const theirs = makeSegment({ id: 'theirs', name: 'Their list', ownerId: 'u-other', ownerName: 'Olivia Bennett' });
const fileOf = (text: string, name = 'segments.json') => new File([text], name, { type: 'application/json' });

function renderSection(background = fakeBackground()) {
  render(
    <BackgroundProvider send={background.send}>
      <DbProvider db={db}>
        <SegmentFilesSection />
      </DbProvider>
    </BackgroundProvider>,
  );
  return background;
}

describe('segment files section', () => {
  it('lists only my segments for export', async () => {
    await db.segments.bulkPut([mineHot, theirs]);
    renderSection();
    const list = await screen.findByRole('list', { name: 'My segments' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Hot leadsExport']);
    expect(screen.getByRole('button', { name: 'Export all my segments (1 segment)' })).toBeTruthy();
  });

  it('rejects a malformed file with the reason and sends nothing', async () => {
    const user = userEvent.setup();
    const background = renderSection();
    await user.upload(await screen.findByLabelText('Segment file'), fileOf('{"format":"crm-segments.segments","version":1,"segments":'));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not import segments.json: The file is not valid JSON. Nothing was changed.');
    expect(background.of('importSegments')).toEqual([]);
    expect(screen.queryByRole('button', { name: /^Import / })).toBeNull();
  });

  it('names the broken rule of an invalid segment', async () => {
    const user = userEvent.setup();
    renderSection();
    const file = buildSegmentFile([mineHot], Date.UTC(2025, 0, 1)) as unknown as { segments: Array<Record<string, unknown>> };
    file.segments[0]!.rules = { combinator: 'and', rules: [{ field: 'status', operator: 'is_any_of', value: [] }] };
    await user.upload(await screen.findByLabelText('Segment file'), fileOf(JSON.stringify(file)));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not import segments\.json: The file is not valid: Segment 1, rules.*Rule 1.*Nothing was changed\.$/);
  });

  it('asks to rename or skip a name I already use, and imports what I chose', async () => {
    await db.segments.bulkPut([mineHot, theirs]);
    const user = userEvent.setup();
    const background = renderSection(
      fakeBackground({ importSegments: (data) => ({ ok: true, data: { created: data.segments.map((d) => makeSegment({ name: d.name })), withErrors: 1 } }) }),
    );
    const incoming = [makeSegment({ name: 'hot LEADS', ownerName: 'Olivia Bennett' }), makeSegment({ name: 'Their list', ownerName: 'Olivia Bennett' })];
    await user.upload(await screen.findByLabelText('Segment file'), fileOf(JSON.stringify(buildSegmentFile(incoming, Date.UTC(2025, 0, 1)))));

    const clash = await screen.findByRole('group', { name: 'You already have a segment named “Hot leads”.' });
    expect((within(clash).getByRole('radio', { name: 'Skip' }) as HTMLInputElement).checked).toBe(true);
    const importButton = screen.getByRole('button', { name: 'Import 1 segment' });
    await user.click(within(clash).getByRole('radio', { name: 'Rename to' }));
    const rename = within(clash).getByRole('textbox', { name: 'New name for hot LEADS' });
    expect((rename as HTMLInputElement).value).toBe('hot LEADS (imported)');
    await user.clear(rename);
    await user.type(rename, 'hot leads');
    expect(screen.getByText('You already have a segment named “hot leads”')).toBeTruthy();
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    await user.clear(rename);
    await user.type(rename, 'Hot leads from Olivia');
    await user.click(screen.getByRole('button', { name: 'Import 2 segments' }));

    await waitFor(() => expect(background.of('importSegments')).toHaveLength(1));
    const sent = background.of('importSegments')[0] as { segments: Array<{ name: string; rules: unknown }> };
    expect(sent.segments.map((s) => s.name)).toEqual(['Hot leads from Olivia', 'Their list']);
    expect(sent.segments[0]!.rules).toEqual(incoming[0]!.rules);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Imported 2 segments. 1 segment uses custom fields this browser does not know; they show an error until those fields exist.',
    );
  });

  it('shows the background’s refusal and keeps the choices', async () => {
    const user = userEvent.setup();
    renderSection(fakeBackground({ importSegments: () => ({ ok: false, error: 'You already have a segment named "X". Choose another name.' }) }));
    await user.upload(await screen.findByLabelText('Segment file'), fileOf(JSON.stringify(buildSegmentFile([mineHot], 0))));
    await user.click(await screen.findByRole('button', { name: 'Import 1 segment' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not import: You already have a segment named "X". Choose another name. Nothing was changed.');
    expect(screen.getByRole('button', { name: 'Import 1 segment' })).toBeTruthy();
  });
});
