// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { BackgroundProvider } from '../../../components/background-context';
import type { SendToBackground } from '../../../lib/messaging/client';
import { DeleteAllDialog } from './delete-all-dialog';

describe('DeleteAllDialog', () => {
  it('deletes only after DELETE is typed', async () => {
    const send = vi.fn(async () => ({ ok: true, data: { deleted: true } })) as unknown as SendToBackground;
    const onDone = vi.fn();
    render(
      <BackgroundProvider send={send}>
        <DeleteAllDialog onDone={onDone} onClose={() => undefined} />
      </BackgroundProvider>,
    );
    const button = screen.getByRole('button', { name: 'Delete all data' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Type DELETE to confirm'), { target: { value: 'delete' } });
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ tone: 'ok', text: 'All data was deleted.' }));
    expect(send).toHaveBeenCalledWith('deleteAllData', { confirmation: 'DELETE' });
  });
});
