import { useEffect, useState } from 'preact/hooks';
import type { CurrentUser } from '../lib/messaging/protocol';
import { getCrmUser, getCurrentUserOverride } from '../lib/db';
import { useBackground } from './background-context';
import { useDb } from './db-context';
import { useLiveQuery } from './use-live-query';

/** Who is signed in, as the popup knows it: loading, known, or unknown with the reason. */
export type CurrentUserState = { status: 'loading' } | { status: 'known'; user: CurrentUser } | { status: 'error'; error: string };

/**
 * The current user (docs/semantics.md §7) — the popup's ONE source of identity. It asks the background
 * (`getCurrentUser`, which decides between the options page override and the CRM's user) and asks
 * again whenever the stored identity changes (a user switch in the CRM), so the view follows.
 */
export function useCurrentUser(): CurrentUserState {
  const send = useBackground();
  const db = useDb();
  const stored = useLiveQuery(async () => JSON.stringify([await getCurrentUserOverride(db), await getCrmUser(db)]), [db]);
  const [state, setState] = useState<CurrentUserState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    send('getCurrentUser', {}).then((answer) => {
      if (!current) return;
      setState(answer.ok ? { status: 'known', user: answer.data } : { status: 'error', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [send, stored.data]);
  return state;
}
