/** The header row of an options-page table: one column per name, plus an unnamed-looking "Actions" column (screen readers hear it). */
export function OptionsTableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((name) => (
          <th key={name} scope="col">
            {name}
          </th>
        ))}
        <th scope="col">
          <span class="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
