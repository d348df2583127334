// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../lib/import/suggest';
import type { CsvPreview } from '../../../lib/import/convert-file';
import { MappingStep } from './mapping-step';

afterEach(cleanup);

function show(preview: CsvPreview) {
  const noop = () => undefined;
  render(
    <MappingStep
      fileName="leads.csv"
      preview={preview}
      mapping={suggestMapping(preview.headers, preview.rows, [])}
      storeAs="leads"
      customFields={[]}
      remembered={false}
      onMapping={noop}
      onStoreAs={noop}
      onImport={noop}
      onBack={noop}
    />,
  );
}

describe('import mapping step', () => {
  it('warns before the import when rows near the top could not be read as CSV', () => {
    show({ headers: ['Name', 'Email'], rows: [['unterminated,foo@x.com\nok,ok@x.com', '']], malformed: 1 });
    expect(screen.getByRole('status').textContent).toMatch(/^A row near the top of this file could not be read as CSV \(often a quote that is never closed/);
  });

  it('says nothing of the kind for a file read cleanly', () => {
    show({ headers: ['Name', 'Email'], rows: [['Ana', 'ana@x.com']] });
    expect(screen.queryByRole('status')).toBeNull();
  });
});
