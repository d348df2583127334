import { describe, expect, it } from 'vitest';
import { openSidePanel, sidePanelPath, type SidePanelPorts } from './side-panel';

function fakePorts(overrides: Partial<SidePanelPorts> = {}) {
  const calls: string[] = [];
  const ports: SidePanelPorts = {
    chromeSidePanel: {
      setOptions: async (o) => void calls.push(`setOptions ${JSON.stringify(o)}`),
      open: async (o) => void calls.push(`open ${JSON.stringify(o)}`),
    },
    announce: async (t) => void calls.push(`announce ${JSON.stringify(t)}`),
    openTab: async (path) => void calls.push(`tab ${path}`),
    getURL: (path) => `chrome-extension://x/${path}`,
    now: () => 42,
    ...overrides,
  };
  return { ports, calls };
}

describe('openSidePanel', () => {
  it('builds the contract URL', () => {
    expect(sidePanelPath({ segmentId: 's 1', leadId: 'demo@127.0.0.1:5174/7' })).toBe(
      'sidepanel.html?segment=s+1&lead=demo%40127.0.0.1%3A5174%2F7',
    );
    expect(sidePanelPath({})).toBe('sidepanel.html');
    expect(sidePanelPath({ segmentId: 's', view: 'analysis' })).toBe('sidepanel.html?segment=s&view=analysis');
  });

  it('opens the panel of the sending tab on the lead', async () => {
    const { ports, calls } = fakePorts();
    expect(await openSidePanel(ports, { leadId: 'a/1' }, { tab: { id: 5, windowId: 2 } })).toBe(true);
    expect(calls).toEqual([
      'announce {"leadId":"a/1","at":42}',
      'setOptions {"tabId":5,"path":"sidepanel.html?lead=a%2F1","enabled":true}',
      'open {"tabId":5}',
    ]);
  });

  it('opens it in the popup’s window when the sender is not a tab', async () => {
    const { ports, calls } = fakePorts();
    expect(await openSidePanel(ports, { segmentId: 's', windowId: 9 }, {})).toBe(true);
    expect(calls.at(-1)).toBe('open {"windowId":9}');
    expect(calls[0]).toBe('announce {"segmentId":"s","at":42}');
  });

  it('falls back to a tab when the browser refuses', async () => {
    const { ports, calls } = fakePorts({
      chromeSidePanel: {
        setOptions: async () => undefined,
        open: async () => {
          throw new Error('`sidePanel.open()` may only be called in response to a user gesture.');
        },
      },
    });
    expect(await openSidePanel(ports, { segmentId: 's' }, { tab: { id: 1 } })).toBe(false);
    expect(calls.at(-1)).toBe('tab sidepanel.html?segment=s');
  });
});
