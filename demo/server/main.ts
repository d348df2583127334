/**
 * CLI of the demo CRM: `npm run demo:crm`. Environment: DEMO_PORT (default 5174), DEMO_LEADS_CSV
 * (default demo/data/leads.csv.gz, the in-repo copy), DEMO_NOW (ISO reference time,
 * default now). Exits 1 with a one-line message when it cannot start.
 */
import { startDemoCrm } from './server';

try {
  const crm = await startDemoCrm();
  const skipped = crm.skippedRows.length > 0 ? `, ${crm.skippedRows.length} CSV rows skipped` : '';
  console.log(
    `Acme CRM is running at ${crm.url}/leads — ${crm.leadCount.toLocaleString('en-US')} leads${skipped}, reference time ${new Date(crm.now).toISOString()}. Ctrl+C stops it.`,
  );
  const stop = (): void => {
    void crm.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'EADDRINUSE'
      ? `Acme CRM cannot start: port ${process.env.DEMO_PORT || 5174} is already in use (set DEMO_PORT to another port)`
      : `Acme CRM cannot start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(message);
  process.exit(1);
}
