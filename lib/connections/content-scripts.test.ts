import { describe, expect, it } from 'vitest';
import { reconcileContentScripts, type ContentScriptPort } from './content-scripts';
import { contentScriptId, isBuiltInHost, originPattern } from './hosts';

/** An in-memory `scripting` registry. */
function fakeScripts(initial: Record<string, string[]> = {}): ContentScriptPort & { registered: Map<string, string[]>; injected: string[] } {
  const registered = new Map(Object.entries(initial));
  const injected: string[] = [];
  return {
    registered,
    injected,
    registeredIds: async () => [...registered.keys()],
    register: async (id, matches) => {
      if (registered.has(id)) throw new Error(`Duplicate script ID '${id}'`);
      registered.set(id, matches);
    },
    unregister: async (ids) => {
      for (const id of ids) registered.delete(id);
    },
    injectIntoOpenTabs: async (origin) => void injected.push(origin),
  };
}

describe('content scripts of connected CRMs', () => {
  it('registers exactly one script per connected origin, for that origin only', async () => {
    const port = fakeScripts();
    expect(await reconcileContentScripts(port, ['http://127.0.0.1:5174'])).toEqual(['http://127.0.0.1:5174']);
    expect([...port.registered]).toEqual([['crm:http://127.0.0.1:5174', ['http://127.0.0.1:5174/*']]]);
    // Running again (start-up after a restart that kept it) registers nothing twice.
    expect(await reconcileContentScripts(port, ['http://127.0.0.1:5174'])).toEqual([]);
    expect(port.registered.size).toBe(1);
  });

  it('restores a lost registration and drops scripts of origins no longer connected', async () => {
    const port = fakeScripts({ 'crm:http://127.0.0.1:6000': ['http://127.0.0.1:6000/*'], 'other-feature': ['https://x/*'] });
    expect(await reconcileContentScripts(port, ['http://localhost:5174'])).toEqual(['http://localhost:5174']);
    expect([...port.registered.keys()].sort()).toEqual(['crm:http://localhost:5174', 'other-feature']);
    await reconcileContentScripts(port, []);
    expect([...port.registered.keys()]).toEqual(['other-feature']);
  });

  it('names origins and patterns without paths', () => {
    expect(originPattern('https://crm.example/leads?x=1')).toBe('https://crm.example/*');
    expect(contentScriptId('http://127.0.0.1:5174/leads')).toBe('crm:http://127.0.0.1:5174');
    expect(isBuiltInHost('http://127.0.0.1:5174')).toBe(true);
    expect(isBuiltInHost('http://localhost:9')).toBe(true);
    expect(isBuiltInHost('https://127.0.0.1:5174')).toBe(false);
    expect(isBuiltInHost('https://crm.example')).toBe(false);
    expect(isBuiltInHost('not a url')).toBe(false);
  });
});
