import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterById, findAdapter, findAdapterForCrmKey } from './registry';

describe('adapter registry', () => {
  it('finds the Acme CRM adapter for its pages on any loopback port', () => {
    for (const url of [
      'http://127.0.0.1:5174/leads',
      'http://127.0.0.1:5174/leads?page=3&q=google',
      'http://localhost:5174/leads/660737',
      'http://127.0.0.1:41234/campaigns',
      new URL('http://127.0.0.1:5174/leads/'),
    ]) {
      expect(findAdapter(url)?.id).toBe('demo-crm');
    }
  });

  it('does not claim other pages, hosts or schemes', () => {
    for (const url of [
      'http://127.0.0.1:5174/',
      'http://127.0.0.1:5174/api/leads',
      'http://127.0.0.1:3000/admin/leads',
      'http://127.0.0.1:5174/leads/1/edit',
      'https://127.0.0.1:5174/leads',
      'http://example.com/leads',
      'http://192.168.1.10:5174/leads',
      'not a url',
    ]) {
      expect(findAdapter(url)).toBeUndefined();
    }
  });

  it('lists adapters with unique ids', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
    expect(adapterById('demo-crm')).toBe(ADAPTERS[0]);
    expect(adapterById('nope')).toBeUndefined();
  });
});

describe('findAdapterForCrmKey', () => {
  it('maps a demo crmKey back to its adapter and origin', () => {
    const found = findAdapterForCrmKey('demo@127.0.0.1:5174');
    expect(found?.adapter.id).toBe('demo-crm');
    expect(found?.origin).toBe('http://127.0.0.1:5174');
    expect(found?.adapter.leadUrl(found.origin, '660737')).toBe('http://127.0.0.1:5174/leads/660737');
    expect(findAdapterForCrmKey('hubspot@acme')).toBeUndefined();
  });
});
