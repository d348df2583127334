import { useState } from 'preact/hooks';

/** Props of {@link FileDrop}. */
export interface FileDropProps {
  onFile(file: File): void;
  disabled?: boolean;
}

/**
 * Picks a CSV file: a file input labelled "CSV file" (contract), and the same area accepts a file
 * dropped on it. Only the first file of a drop is used.
 */
export function FileDrop({ onFile, disabled }: FileDropProps) {
  const [over, setOver] = useState(false);
  return (
    <div
      class={`import-drop${over ? ' import-drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer?.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <label class="field">
        <span>CSV file</span>
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          disabled={disabled}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onFile(file);
          }}
        />
      </label>
      <p class="hint">…or drop the file here. Exports from Zoho, Salesforce, HubSpot, Pipedrive or a spreadsheet work; the first row must name the columns.</p>
    </div>
  );
}
