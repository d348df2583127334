import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Campaign, CustomFieldDef } from '../../../lib/schema';
import { audienceFingerprint, type CampaignSend } from '../../../lib/db';
import type { LoadedAudience } from '../../../lib/campaigns/audience-store';
import { csvFileName } from '../../../lib/export/csv';
import { memberEmails, membersCsv } from '../../../lib/export/members-csv';
import { DEFAULT_COLUMN_IDS, memberColumns, pickColumns } from '../../../lib/format/member-columns';
import { userTimeZone } from '../../../lib/format/value';
import { useBackground } from '../../../components/background-context';
import { copyText, downloadTextFile } from '../../../components/members/file-actions';
import { timeAgo } from '../../../components/time-ago';
import { useNow } from '../../../components/use-now';
import { formatCount } from '../../../lib/format/number';

/** Props of {@link AudienceActions}. */
export interface AudienceActionsProps {
  campaign: Campaign;
  /** The live audience; undefined while it is first counted. */
  loaded?: LoadedAudience;
  emailCampaign: boolean;
  campaigns: readonly Campaign[];
  customFields: readonly CustomFieldDef[];
  lastSend?: CampaignSend;
  /** Saves the file (tests pass a fake). */
  download?: (fileName: string, text: string) => void;
  /** Copies text (tests pass a fake). */
  copy?: (text: string) => Promise<void>;
}

/** Columns of an audience export: the member table's defaults plus the CRM id. */
const EXPORT_COLUMN_IDS = [...DEFAULT_COLUMN_IDS, 'crmId'];

/** What was left out, in words, or "" when nothing was. */
function leftOutText(loaded: LoadedAudience): string {
  const { excluded, doNotEmail } = loaded.audience;
  return [
    excluded > 0 ? `${formatCount(excluded, 'lead', 'leads')} excluded from this campaign` : '',
    doNotEmail > 0 ? `${formatCount(doNotEmail, 'lead', 'leads')} tagged do-not-email` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/**
 * The audience actions of a campaign (issue 8): "Export CSV" (the audience with the member
 * table's columns, formula cells neutralised by lib/export), "Copy emails" (the audience's
 * addresses; warns about the leads left out, who must not get this campaign's emails) and "Send
 * audience to CRM" (through the background and the CRM adapter), with the last send and
 * whether the audience changed since.
 */
export function AudienceActions({ campaign, loaded, emailCampaign, campaigns, customFields, lastSend, download = downloadTextFile, copy = copyText }: AudienceActionsProps) {
  const send = useBackground();
  const now = useNow();
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'warning' | 'error'; text: string } | null>(null);
  const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fingerprint = useMemo(() => (loaded ? audienceFingerprint(loaded.audience.leadIds) : undefined), [loaded]);
  const name = campaign.name || campaign.id;

  useEffect(() => () => clearTimeout(clearTimer.current), []);
  const announce = (tone: 'ok' | 'warning' | 'error', text: string) => {
    setMessage({ tone, text });
    clearTimeout(clearTimer.current);
    if (tone === 'ok') clearTimer.current = setTimeout(() => setMessage(null), 8000);
  };

  const rows = () => (loaded ? loaded.leads.map((lead) => ({ lead })) : []);

  const exportCsv = () => {
    try {
      const timeZone = userTimeZone();
      const columns = pickColumns(memberColumns(customFields, campaigns), EXPORT_COLUMN_IDS);
      const fileName = csvFileName(`${name} audience`, Date.now(), timeZone);
      download(fileName, membersCsv(rows(), columns, timeZone));
      announce('ok', `Exported ${formatCount(rows().length, 'lead', 'leads')} to ${fileName}`);
    } catch (error) {
      announce('error', `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const copyEmails = async () => {
    if (!loaded) return;
    const emails = memberEmails(rows());
    const leftOut = leftOutText(loaded);
    if (emails.length === 0) {
      announce('error', leftOut ? `No email addresses to copy. Left out: ${leftOut}.` : 'No email addresses to copy.');
      return;
    }
    try {
      await copy(emails.join('\n'));
      const copied = `Copied ${formatCount(emails.length, 'email', 'emails')} to the clipboard.`;
      if (leftOut) announce('warning', `${copied} Not included — do not email them for this campaign: ${leftOut}.`);
      else announce('ok', copied);
    } catch (error) {
      announce('error', `Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const sendToCrm = async () => {
    setSending(true);
    setMessage(null);
    const answer = await send('sendCampaignAudience', { campaignId: campaign.id });
    setSending(false);
    if (!answer.ok) {
      announce('error', `Could not send the audience: ${answer.error}`);
      return;
    }
    const { sent, excluded, doNotEmail } = answer.data;
    const kept = excluded + doNotEmail;
    announce('ok', `Sent ${formatCount(sent, 'lead', 'leads')} to the CRM${kept > 0 ? ` (${formatCount(kept, 'lead', 'leads')} left out)` : ''}.`);
  };

  const empty = !loaded || loaded.audience.leadIds.length === 0;
  const changedSinceSend = lastSend && fingerprint !== undefined && lastSend.fingerprint !== fingerprint;
  const canSend = campaign.status !== 'completed' && loaded !== undefined && (campaign.segmentIds.length > 0 || lastSend !== undefined);

  return (
    <div class="audience-actions">
      <div class="audience-buttons">
        <button
          type="button"
          class="button button-small"
          onClick={exportCsv}
          disabled={empty}
          title={loaded && empty ? 'The audience has no leads to export' : 'Download the audience as a CSV file'}
        >
          Export CSV
        </button>
        <button
          type="button"
          class="button button-small"
          onClick={() => void copyEmails()}
          disabled={empty}
          title={emailCampaign ? 'Copy the audience’s email addresses (leads tagged do-not-email are left out)' : 'Copy the audience’s email addresses'}
        >
          Copy emails
        </button>
        <button
          type="button"
          class="button button-small button-primary"
          onClick={() => void sendToCrm()}
          disabled={!canSend || sending}
          aria-busy={sending || undefined}
          title={campaign.status === 'completed' ? 'This campaign is completed' : 'Store this audience on the campaign in your CRM'}
        >
          {sending ? 'Sending…' : 'Send audience to CRM'}
        </button>
      </div>
      {lastSend && (
        <p class={`audience-sent${changedSinceSend ? ' is-stale' : ''}`}>
          Last sent {formatCount(lastSend.count, 'lead', 'leads')} {timeAgo(lastSend.sentAt, now)}
          {changedSinceSend ? ' — the audience has changed since: send it again to update the CRM.' : ' — the CRM is up to date.'}
        </p>
      )}
      <p class={`audience-status${message ? ` is-${message.tone}` : ''}`} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
