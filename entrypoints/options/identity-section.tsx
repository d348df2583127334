import { useState } from 'preact/hooks';
import { useBackground } from '../../components/background-context';
import { useDb } from '../../components/db-context';
import { timeAgo } from '../../components/time-ago';
import { useLiveQuery } from '../../components/use-live-query';
import { useNow } from '../../components/use-now';
import { getCurrentUser, type CurrentUserInfo, type CurrentUserSetting } from '../../lib/db';
import { OptionsMessage, useOptionsMessage } from './options-message';

/** The button that opens the manual identity form (named by the "current user is unknown" error). */
export const SET_IDENTITY_LABEL = 'Set identity manually';

const ROLES = ['owner', 'admin', 'member'] as const;
const roleName = (role: string) => role.charAt(0).toUpperCase() + role.slice(1);

/** Where the current user came from, in words. */
export function describeIdentitySource(info: CurrentUserInfo, now: number): string {
  const source = info.source;
  if (source.kind === 'crm') return `From the CRM's own API at ${source.origin} (signed-in user), checked ${timeAgo(source.checkedAt, now)}.`;
  if (source.kind === 'override') {
    const crm = info.crm;
    return crm
      ? `Set manually on this page. It overrides ${crm.user.name}, whom the CRM's API at ${crm.origin} reports.`
      : 'Set manually on this page.';
  }
  return 'Not known yet: connect your CRM (open its leads page and click "Sync all" in the toolbar popup), or set it manually.';
}

/**
 * "Who you are" (docs/semantics.md §7, issue 8 item 1): who the extension thinks the user is, where that came
 * from (a connected CRM's API, or the manual override) and a form to override it. Writes go to the
 * background (`setIdentityOverride`, `checkIdentity`).
 */
export function IdentitySection() {
  const db = useDb();
  const send = useBackground();
  const now = useNow();
  const state = useLiveQuery(() => getCurrentUser(db), [db]);
  const [form, setForm] = useState<CurrentUserSetting | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useOptionsMessage();

  const info = state.data;
  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: string }>, done: string) => {
    setBusy(true);
    setMessage(null);
    const answer = await work();
    setBusy(false);
    setMessage(answer.ok ? { tone: 'ok', text: done } : { tone: 'error', text: answer.error });
    return answer.ok;
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    if (await run(() => send('setIdentityOverride', { user: form }), `You are now ${form.name.trim()} (${roleName(form.role)}) in CRM Segments.`)) setForm(null);
  };

  return (
    <section aria-labelledby="identity-heading">
      <h2 id="identity-heading">Who you are</h2>
      {!info ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          {info.user ? (
            <p data-testid="current-user">
              <strong>{info.user.name}</strong> · {roleName(info.user.role)} · organization <bdi>{info.user.orgId}</bdi> · user id <bdi>{info.user.userId}</bdi>
            </p>
          ) : (
            <p>
              <strong>Unknown user.</strong>
            </p>
          )}
          <p class="hint" data-testid="identity-source">
            {describeIdentitySource(info, now)} New segments are recorded as this user's; the role decides whether the organization's segments are offered.
          </p>
          <div class="options-actions">
            {info.crm && (
              <button type="button" class="button button-secondary button-small" disabled={busy} onClick={() => void run(() => send('checkIdentity', {}), 'Checked with the CRM.')}>
                Check again
              </button>
            )}
            {!form && (
              <button
                type="button"
                class="button button-secondary button-small"
                disabled={busy}
                onClick={() => setForm(info.user ?? { userId: '', name: '', role: 'member', orgId: '' })}
              >
                {SET_IDENTITY_LABEL}
              </button>
            )}
            {info.source.kind === 'override' && (
              <button type="button" class="button button-ghost button-small" disabled={busy} onClick={() => void run(() => send('setIdentityOverride', { user: null }), "Using the CRM's identity again.")}>
                Use the CRM's identity
              </button>
            )}
          </div>
          {form && (
            <form class="identity-form" onSubmit={save} aria-label="Manual identity">
              <label class="field">
                <span>Name</span>
                <input class="input" required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
              </label>
              <label class="field">
                <span>Role</span>
                <select value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as CurrentUserSetting['role'] })}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {roleName(role)}
                    </option>
                  ))}
                </select>
              </label>
              <label class="field">
                <span>User id</span>
                <input class="input" required value={form.userId} onInput={(e) => setForm({ ...form, userId: e.currentTarget.value })} />
              </label>
              <label class="field">
                <span>Organization id</span>
                <input class="input" required value={form.orgId} onInput={(e) => setForm({ ...form, orgId: e.currentTarget.value })} />
              </label>
              <div class="options-actions">
                <button type="submit" class="button button-primary button-small" disabled={busy}>
                  Save identity
                </button>
                <button type="button" class="button button-ghost button-small" disabled={busy} onClick={() => setForm(null)}>
                  Cancel
                </button>
              </div>
            </form>
          )}
          <OptionsMessage message={message} />
        </>
      )}
    </section>
  );
}
