/**
 * Business hours: compile a schedule once, ask whether it is open and when that next changes.
 * @module
 */
export { compileSchedule, isOpen, nextChange, type CompiledSchedule } from './compile.js';
export { SCHEDULE_ISSUE_CODES, SCHEDULE_LIMITS, type ScheduleIssueCode } from './codes.js';
export {
  fromHelpDeskSchedule,
  type HelpDeskHoliday,
  type HelpDeskInterval,
  type HelpDeskSchedule,
} from './helpdesk.js';
