import { Fragment } from 'preact';

/** Where an address may wrap: before each "@", ".", "_" and "+" (a hyphen already is a break point). */
const BREAK_BEFORE = /(?=[@._+])/;

/**
 * The parts of `text` between the points where an e-mail address may wrap, as typesetters break
 * addresses: before "@" and "." (so the next line starts with the punctuation that joins it), and
 * before "_" and "+". "jane.doe@mail.example.com" → ["jane", ".doe", "@mail", ".example", ".com"].
 */
export function emailBreakParts(text: string): string[] {
  return text.split(BREAK_BEFORE).filter((part) => part !== '');
}

/**
 * An e-mail address (page data: rendered as text) that wraps at its natural joints, with a `<wbr>`
 * element before each one, instead of mid-word; a part longer than the line still wraps anywhere
 * (the stylesheet's `overflow-wrap: anywhere`, the last resort). Copying it gives the address as is.
 */
export function BreakableEmail({ text }: { text: string }) {
  return (
    <>
      {emailBreakParts(text).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
