// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LEADS, seededPanelDatabase } from '../../components/members/test-fixtures';
import type { SendToBackground } from '../../lib/messaging/client';
import { SidePanelApp } from './App';

const RLO = '\u202E';
const send = vi.fn(async () => ({ ok: true, data: {} })) as unknown as SendToBackground;

// A hostile lead: a right-to-left override in its name, an e-mail carrying cc/body, a phone with a post-dial string.
const database = seededPanelDatabase(async (db) => {
  await db.leads.put({ ...LEADS[0]!, name: `${RLO}Asha Rao`, email: 'asha@example.com?cc=boss@evil.example&body=pay', phone: '123;postd=9', company: `${RLO}Evil Corp` });
});

describe('hostile lead values in the side panel (issue 9 items 9–10)', () => {
  it('isolates every lead value (bdi) and links no e-mail or phone that does not validate', async () => {
    const user = userEvent.setup();
    render(<SidePanelApp db={database()} send={send} initialTarget={{ segmentId: 'hot' }} locale="en-US" timeZone="UTC" initialRect={{ width: 1200, height: 600 }} />);
    const name = await screen.findByText(`${RLO}Asha Rao`);
    // In the member table the value sits in its own isolate, so the override cannot reach the next cell.
    expect(name.localName).toBe('bdi');
    const row = name.closest('[data-lead-id]')!;
    const cells = [...row.querySelectorAll('[role="gridcell"]')].filter((cell) => cell.textContent !== '—');
    for (const cell of cells) expect(cell.querySelector('bdi')?.textContent).toBe(cell.textContent);

    await user.click(name);
    const details = await screen.findByRole('region', { name: 'Member details' });
    await within(details).findByRole('heading', { name: `${RLO}Asha Rao` });
    expect(details.querySelector('h2 > bdi')?.textContent).toBe(`${RLO}Asha Rao`);
    for (const dd of details.querySelectorAll('dd')) {
      if (dd.querySelector('.cell-empty')) continue;
      expect(dd.firstElementChild?.localName).toBe('bdi');
    }
    expect(details.querySelector('a[href^="mailto:"]')).toBeNull();
    expect(details.querySelector('a[href^="tel:"]')).toBeNull();
    expect(within(details).getByText('asha@example.com?cc=boss@evil.example&body=pay')).toBeTruthy();
  });
});
