// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu-button';

afterEach(cleanup);

const setup = () => {
  const chosen = vi.fn();
  const items = ['Edit', 'Refresh', 'Duplicate', 'Delete'].map((label) => ({ id: label, label, onSelect: () => chosen(label) }));
  render(
    <>
      <MenuButton label="Actions for Hot leads" items={[...items.slice(0, 2), { ...items[2]!, hint: 'Makes a copy' }, items[3]!]} />
      <p>Outside</p>
    </>,
  );
  return { chosen, button: screen.getByRole('button', { name: 'Actions for Hot leads' }) };
};

describe('MenuButton', () => {
  it('opens on ArrowUp at the last item, jumps by first letter and chooses with Enter', async () => {
    const user = userEvent.setup();
    const { chosen, button } = setup();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    await user.keyboard('{ArrowUp}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement!.textContent).toBe('Delete');
    await user.keyboard('r');
    expect(document.activeElement!.textContent).toBe('Refresh');
    await user.keyboard('{End}{ArrowDown}');
    expect(document.activeElement!.textContent).toBe('Edit');
    await user.keyboard('d');
    expect(document.activeElement!.getAttribute('aria-label')).toBe('Duplicate');
    expect(screen.getByRole('menuitem', { name: 'Duplicate' }).getAttribute('aria-describedby')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(chosen).toHaveBeenCalledWith('Duplicate');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes on a click outside and on Tab without choosing', async () => {
    const user = userEvent.setup();
    const { chosen, button } = setup();
    await user.click(button);
    expect(screen.getByRole('menu', { name: 'Actions for Hot leads' })).toBeTruthy();
    await user.click(screen.getByText('Outside'));
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(button);
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(chosen).not.toHaveBeenCalled();
  });
});
