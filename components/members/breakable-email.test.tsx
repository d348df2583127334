// @vitest-environment jsdom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { emailBreakParts } from './breakable-email';
import { LeadFieldSections } from './details-sections';
import { LEADS } from './test-fixtures';

/** The e-mail value of the Contact section: its text pieces, with "|" where a <wbr> element lets it wrap. */
function renderedEmail(email: string, mailto: string | undefined): { text: string; pieces: string; wbr: number } {
  const { container } = render(<LeadFieldSections lead={{ ...LEADS[0]!, email }} mailto={mailto} />);
  const dd = [...container.querySelectorAll('.field')].find((f) => f.querySelector('dt')?.textContent === 'Email')!.querySelector('dd')!;
  const pieces = [...(dd.querySelector('a') ?? dd.querySelector('bdi')!).childNodes].map((n) => (n.nodeName === 'WBR' ? '|' : n.textContent)).join('');
  return { text: dd.textContent ?? '', pieces, wbr: dd.querySelectorAll('wbr').length };
}

describe('long e-mail addresses in the member details', () => {
  it('wrap before "@" and "." (wbr elements), reading and copying as the address itself', () => {
    const email = 'christopher.alexander.richardson@internationalconsulting.example.com';
    expect(renderedEmail(email, `mailto:${email}`)).toEqual({
      text: email,
      pieces: 'christopher|.alexander|.richardson|@internationalconsulting|.example|.com',
      wbr: 5,
    });
    // An address that does not validate is not linked, and wraps the same way.
    expect(renderedEmail('first_last+tag@mail.example', undefined)).toEqual({ text: 'first_last+tag@mail.example', pieces: 'first|_last|+tag|@mail|.example', wbr: 4 });
  });

  it('renders markup in an address as text, never as elements', () => {
    const hostile = '<img src=x onerror=alert(1)>.evil@example.com';
    const { text, wbr } = renderedEmail(hostile, undefined);
    expect(text).toBe(hostile);
    expect(wbr).toBe(3);
    expect(emailBreakParts('@.a..b')).toEqual(['@', '.a', '.', '.b']);
    expect(emailBreakParts('plain')).toEqual(['plain']);
  });
});
