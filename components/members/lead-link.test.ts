import { describe, expect, it } from 'vitest';
import { leadCrmUrl } from './lead-link';

describe('leadCrmUrl', () => {
  it('links a demo CRM lead to its page', () => {
    expect(leadCrmUrl({ crmKey: 'demo@127.0.0.1:5174', crmId: '660737' })).toBe('http://127.0.0.1:5174/leads/660737');
  });

  it('encodes the CRM id', () => {
    expect(leadCrmUrl({ crmKey: 'demo@127.0.0.1:5174', crmId: 'a/b c' })).toBe('http://127.0.0.1:5174/leads/a%2Fb%20c');
  });

  it('gives no link for a CRM no adapter owns', () => {
    expect(leadCrmUrl({ crmKey: 'demo@test', crmId: '1' })).toBeUndefined();
    expect(leadCrmUrl({ crmKey: 'hubspot@app.hubspot.com', crmId: '1' })).toBeUndefined();
    expect(leadCrmUrl({ crmKey: 'demo@evil.example"><script>', crmId: '1' })).toBeUndefined();
  });
});
