import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterById, findAdapter, findAdapterForCrmKey } from './registry';
import { findPageAdapter, PAGE_ADAPTERS } from './page-registry';
import { MAX_CRM_ID_LENGTH, readCrmId } from './page-guards';
import type { CrmPageAdapter } from './types';

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

describe('page registry (content script)', () => {
  it('lists the page part of every adapter, in the same order', () => {
    expect(PAGE_ADAPTERS.map((a) => a.id)).toEqual(ADAPTERS.map((a) => a.id));
    ADAPTERS.forEach((adapter, i) => {
      const page = PAGE_ADAPTERS[i]!;
      for (const key of Object.keys(page) as Array<keyof CrmPageAdapter>) expect(adapter[key]).toBe(page[key]);
    });
  });

  it('finds the same adapter for a page as the background does', () => {
    expect(findPageAdapter('http://127.0.0.1:5174/leads?page=2')?.id).toBe('demo-crm');
    expect(findPageAdapter('http://example.com/leads')).toBeUndefined();
    expect(findPageAdapter('not a url')).toBeUndefined();
  });
});

describe('readCrmId (page data guard)', () => {
  it('accepts trimmed ids and refuses empty, long and control-character text', () => {
    expect(readCrmId(' 660737 ')).toBe('660737');
    expect(readCrmId('a/b c')).toBe('a/b c');
    for (const bad of [null, undefined, '', '   ', 'x'.repeat(MAX_CRM_ID_LENGTH + 1), 'a\nb', 'a\u202eb', 'a\u0000']) {
      expect(readCrmId(bad)).toBeNull();
    }
    expect(readCrmId('x'.repeat(MAX_CRM_ID_LENGTH))).toHaveLength(MAX_CRM_ID_LENGTH);
  });
});
