// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { useLeaveWarning } from './use-leave-warning';

afterEach(cleanup);

function Probe({ active }: { active: boolean }) {
  useLeaveWarning(active);
  return null;
}

/** Whether leaving the page now would be questioned (the event's default prevented). */
function leavingIsQuestioned(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

it('asks before leaving only while active', () => {
  const view = render(<Probe active={false} />);
  expect(leavingIsQuestioned()).toBe(false);
  view.rerender(<Probe active />);
  expect(leavingIsQuestioned()).toBe(true);
  view.rerender(<Probe active={false} />);
  expect(leavingIsQuestioned()).toBe(false);
  view.rerender(<Probe active />);
  view.unmount();
  expect(leavingIsQuestioned()).toBe(false);
});
