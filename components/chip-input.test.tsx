// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChipInput, type ValueSuggestion } from './chip-input';

afterEach(cleanup);

function Harness({ suggestions, onSubmit }: { suggestions?: ValueSuggestion[]; onSubmit?: () => void }) {
  const [values, setValues] = useState<string[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
    >
      <ChipInput label="Values" values={values} onChange={setValues} suggestions={suggestions} />
      <output data-testid="values">{JSON.stringify(values)}</output>
      <button type="submit">Save</button>
    </form>
  );
}

const chosen = () => JSON.parse(screen.getByTestId('values').textContent!) as string[];

describe('ChipInput', () => {
  it('adds typed values on Enter, ignores case-insensitive duplicates, removes the last on Backspace', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    const box = screen.getByRole('combobox', { name: 'Values' });
    await user.type(box, '  New   York {Enter}new york{Enter}Pune{Enter}');
    expect(chosen()).toEqual(['New York', 'Pune']);
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard('{Backspace}');
    expect(chosen()).toEqual(['New York']);
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('filters suggestions as you type, hides chosen ones, and picks with the arrow keys', async () => {
    const user = userEvent.setup();
    const suggestions = [
      { value: 'Google', count: 2873 },
      { value: 'Direct Traffic', count: 2543 },
      { value: 'Olark Chat', count: 1755 },
      { value: 'Organic Search', count: 1154 },
    ];
    render(<Harness suggestions={suggestions} />);
    const box = screen.getByRole('combobox', { name: 'Values' });
    await user.click(box);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.type(box, 'o');
    const listbox = screen.getByRole('listbox');
    expect(within(listbox).getAllByRole('option').map((o) => o.querySelector('.chip-suggestion-value')!.textContent)).toEqual([
      'Google',
      'Olark Chat',
      'Organic Search',
    ]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(within(listbox).getAllByRole('option')[1]!.id);
    await user.keyboard('{Enter}');
    expect(chosen()).toEqual(['Olark Chat']);
    await user.type(box, 'o');
    expect(within(screen.getByRole('listbox')).queryByText('Olark Chat')).toBeNull();
  });

  it('closes the suggestions on Escape without letting Escape through', async () => {
    const user = userEvent.setup();
    const onEscape = vi.fn();
    const listener = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && onEscape();
    document.addEventListener('keydown', listener);
    render(<Harness suggestions={[{ value: 'Google', count: 1 }]} />);
    const box = screen.getByRole('combobox', { name: 'Values' });
    await user.click(box);
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(onEscape).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onEscape).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', listener);
  });

  it('removes a chip with its button', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: 'Values' }), 'a{Enter}b{Enter}');
    await user.click(screen.getByRole('button', { name: 'Remove a' }));
    expect(chosen()).toEqual(['b']);
  });
});
