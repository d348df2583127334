/** The alarms API surface used here (a subset of `browser.alarms`). */
export interface AlarmsPort {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
}

/** Alarm that re-evaluates time-dependent segments and resumes interrupted refresh jobs (docs/semantics.md §5). */
export const SCHEDULE_ALARM = 'segments-schedule';
/** Default period of {@link SCHEDULE_ALARM}, in minutes (issue #2). */
export const DEFAULT_SCHEDULE_MINUTES = 15;

/**
 * Creates the schedule alarm only if it is missing (or has another period), so a service-worker
 * restart does not push the next run further away. Returns true when it created the alarm.
 */
export async function ensureScheduleAlarm(alarms: AlarmsPort, periodInMinutes = DEFAULT_SCHEDULE_MINUTES): Promise<boolean> {
  const existing = await alarms.get(SCHEDULE_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return false;
  await alarms.create(SCHEDULE_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
  return true;
}
