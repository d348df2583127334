import { describe, expect, it } from 'vitest';
import { mailtoHref, telHref } from './contact-links';

describe('mailtoHref / telHref (issue 9 item 10)', () => {
  it('links valid addresses and numbers', () => {
    expect(mailtoHref('neha.mehta.579533@example.com')).toBe('mailto:neha.mehta.579533@example.com');
    expect(mailtoHref(" o'brien+crm@mail.example.co.uk ")).toBe("mailto:o'brien+crm@mail.example.co.uk");
    expect(mailtoHref('zoë@exämple.de')).toBe('mailto:zoë@exämple.de');
    expect(telHref('+91 91391 12084')).toBe('tel:+919139112084');
    expect(telHref('(555) 123-4567')).toBe('tel:5551234567');
  });

  it.each([
    'a@b.co?cc=boss@evil.example',
    'a@b.co&body=Wire%20money',
    'a@b.co?subject=x',
    'a@b.co,c@d.co',
    'a@b.co c@d.co',
    'javascript:alert(1)//@x.co',
    'a@b',
    '@b.co',
    'a.@b.co',
    'a@-b.co',
    'a@b.co\nBcc: x@y.z',
    'a%40b.co@x.co',
    '',
  ])('shows %j as text (no mailto)', (value) => {
    expect(mailtoHref(value)).toBeUndefined();
  });

  it.each(['123;postd=999', '+1 555 0100?x', 'tel:+15550100', '12', '1234567890123456', '+1 555 CALL NOW', '++15550100', ''])(
    'shows %j as text (no tel)',
    (value) => {
      expect(telHref(value)).toBeUndefined();
    },
  );
  it('is undefined for no value', () => {
    expect(mailtoHref(undefined)).toBeUndefined();
    expect(telHref(undefined)).toBeUndefined();
  });
});
