/**
 * The calendar day of a SegmentHistory row (day in the evaluation time zone): the engine's own
 * calendar, so history and rules agree on what day an instant is (docs/semantics.md, "Dates").
 */
export { dayInTimeZone } from '../engine/calendar';
