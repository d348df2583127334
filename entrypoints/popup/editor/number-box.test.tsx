// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { NumberBox } from './number-box';

afterEach(cleanup);

let held: unknown;
function Holder({ initial }: { initial?: number }) {
  const [value, setValue] = useState<unknown>(initial);
  held = value;
  return (
    <>
      <NumberBox aria-label="Value" step="any" value={value} onNumber={setValue} />
      <button type="button" onClick={() => setValue(42)}>
        Set 42
      </button>
    </>
  );
}

describe('NumberBox', () => {
  it('keeps decimals typed key by key ("0.05" stays 0.05, not 5)', async () => {
    const user = userEvent.setup();
    render(<Holder />);
    const box = screen.getByLabelText('Value') as HTMLInputElement;
    await user.type(box, '0.05');
    expect(held).toBe(0.05);
    await user.clear(box);
    await user.type(box, '1.05');
    expect(held).toBe(1.05);
    expect(box.value).toBe('1.05');
  });

  it('shows a value set from outside, and empties to undefined', async () => {
    const user = userEvent.setup();
    render(<Holder initial={7} />);
    const box = screen.getByLabelText('Value') as HTMLInputElement;
    expect(box.value).toBe('7');
    await user.click(screen.getByRole('button', { name: 'Set 42' }));
    expect(box.value).toBe('42');
    await user.clear(box);
    expect(held).toBeUndefined();
  });
});
