// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { avatarClass, formatDate, initials, parseCampaigns, slug, splitList } from './format';
import { parseRoute } from './navigation';
import { listHref, pageWindow, readListState, renderLeadRow } from './pages/leads-list';

describe('routes', () => {
  it('parses the app\'s pages', () => {
    expect(parseRoute({ pathname: '/leads', search: '?page=2' })).toMatchObject({ name: 'leads' });
    expect(parseRoute({ pathname: '/leads/', search: '' }).name).toBe('leads');
    expect(parseRoute({ pathname: '/leads/660737', search: '' })).toEqual({ name: 'lead', id: '660737' });
    expect(parseRoute({ pathname: '/campaigns', search: '' })).toEqual({ name: 'campaigns' });
    expect(parseRoute({ pathname: '/leads/1/2', search: '' })).toEqual({ name: 'not-found', path: '/leads/1/2' });
    expect(parseRoute({ pathname: '/leads/%E0%A4%A', search: '' }).name).toBe('not-found');
  });
});

describe('list state in the URL', () => {
  it('reads defaults and falls back on bad values', () => {
    expect(readListState(new URLSearchParams(''))).toEqual({ page: 1, q: '', status: '', sort: 'created_at', dir: 'desc' });
    expect(readListState(new URLSearchParams('page=-3&sort=password&status=Won&dir=sideways'))).toEqual({ page: 1, q: '', status: '', sort: 'created_at', dir: 'desc' });
    expect(readListState(new URLSearchParams('page=4&sort=name&q=%20google%20&status=New'))).toEqual({ page: 4, q: 'google', status: 'New', sort: 'name', dir: 'asc' });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(listHref({ page: 1, q: '', status: '', sort: 'created_at', dir: 'desc' })).toBe('/leads');
    const state = { page: 3, q: 'a&b', status: 'Lost', sort: 'company', dir: 'desc' as const };
    const href = listHref(state);
    expect(href).toBe('/leads?q=a%26b&status=Lost&sort=company&dir=desc&page=3');
    expect(readListState(new URL(href, 'http://x').searchParams)).toEqual(state);
  });

  it('shows first, last and neighbouring pages with gaps', () => {
    expect(pageWindow(1, 185)).toEqual([1, 2, 3, 4, null, 185]);
    expect(pageWindow(50, 185)).toEqual([1, null, 49, 50, 51, null, 185]);
    expect(pageWindow(185, 185)).toEqual([1, null, 182, 183, 184, 185]);
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
  });
});

describe('formatting', () => {
  it('formats record values for display', () => {
    expect(initials('Aarav  Sharma')).toBe('AS');
    expect(initials('')).toBe('?');
    expect(slug('Not Sure')).toBe('not-sure');
    expect(splitList('a;;b')).toEqual(['a', 'b']);
    expect(parseCampaigns('email:excluded:opened;sms:participating:')).toEqual([
      { campaignId: 'email', state: 'excluded', response: 'opened' },
      { campaignId: 'sms', state: 'participating', response: '' },
    ]);
    expect(formatDate('')).toBe('');
    expect(formatDate('2025-06-01T12:00:00.000Z')).toMatch(/2025/);
    expect(avatarClass('x')).toMatch(/^avatar avatar-c[0-7]$/);
  });
});

describe('lead row', () => {
  const record = {
    id: '42',
    first_name: '<img src=x onerror=alert(1)>',
    last_name: 'Smith',
    email: 'a@example.com',
    company: '',
    status: 'Contacted',
    priority: 'High',
    lead_source: 'google',
    country: 'India',
    created_at: '2025-06-01T00:00:00.000Z',
    updated_at: '2025-06-01T00:00:00.000Z',
  };

  it('carries the hooks the extension uses and renders data as text', () => {
    const row = renderLeadRow(record);
    expect(row.getAttribute('data-lead-id')).toBe('42');
    expect(row.querySelector('td.lead-name .lead-cell-main a.lead-link')?.textContent).toBe('<img src=x onerror=alert(1)> Smith');
    expect(row.querySelector('img')).toBeNull();
    expect(row.querySelector<HTMLSelectElement>('select.status-select')?.value).toBe('Contacted');
    expect(row.querySelector('.priority')?.textContent).toBe('High');
  });
});
