import { useEffect, useRef, useState } from 'preact/hooks';
import type { CurrentUser, Result } from '../lib/messaging/protocol';
import { getCrmUser, getCurrentUserOverride } from '../lib/db';
import { useBackground } from './background-context';
import { useDb } from './db-context';
import { useLiveQuery } from './use-live-query';

/** Who is signed in, as the popup knows it: loading, known, or unknown with the reason. */
export type CurrentUserState = { status: 'loading' } | { status: 'known'; user: CurrentUser } | { status: 'error'; error: string };

function stateOf(answer: Result<CurrentUser>): CurrentUserState {
  return answer.ok ? { status: 'known', user: answer.data } : { status: 'error', error: answer.error };
}

/**
 * The current user (docs/semantics.md §7) — the popup's ONE source of identity. It asks the background
 * (`getCurrentUser`, which decides between the options page override and the CRM's user) and asks
 * again whenever the stored identity changes (a user switch in the CRM), so the view follows.
 * `initial`: the background's answer when it was asked before the first render (the popup asks
 * while its scripts start); the first look at the stored identity then asks nothing.
 */
export function useCurrentUser(initial?: Result<CurrentUser>): CurrentUserState {
  const send = useBackground();
  const db = useDb();
  const stored = useLiveQuery(async () => JSON.stringify([await getCurrentUserOverride(db), await getCrmUser(db)]), [db]);
  const [state, setState] = useState<CurrentUserState>(() => (initial ? stateOf(initial) : { status: 'loading' }));
  // With an initial answer, the stored identity's first value (and the wait for it) need no question.
  const baseline = useRef<string | undefined | null>(initial ? null : undefined);
  useEffect(() => {
    if (baseline.current === null) {
      if (stored.data === undefined) return;
      baseline.current = stored.data;
      return;
    }
    let current = true;
    send('getCurrentUser', {}).then((answer) => {
      if (!current) return;
      setState(stateOf(answer));
    });
    return () => {
      current = false;
    };
  }, [send, stored.data]);
  return state;
}
