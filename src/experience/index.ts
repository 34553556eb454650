/**
 * Visitor experience: what a widget renders (`present`), the interaction reducer (`interact`)
 * and the list metrics (`tally`). See docs/widget-interaction.md.
 * @module
 */
export { EXPERIENCE_ISSUE_CODES } from './codes.js';
export type { ExperienceIssueCode } from './codes.js';
export { present, fallbackGreeting } from './present.js';
export type * from './presentation-types.js';
export { isValidEmail, validateDetails, MAX_NAME_LENGTH, MAX_EMAIL_LENGTH } from './details.js';
export type { CapturedDetails, DetailErrorCode, DetailError, FieldErrors, DetailsValidation } from './details.js';
export type * from './interaction-types.js';
export {
  INTERACTION_TRANSITIONS,
  INTERACTION_STATUSES,
  INTERACTION_EVENT_TYPES,
  TERMINAL_STATUSES,
  findTransition,
} from './transitions.js';
export type { TransitionRow } from './transitions.js';
export { initialInteraction, interact, flavourOf } from './interact.js';
export { tally, applyTally, metricEventOf } from './metrics.js';
export type { MetricType, MetricEvent } from './metrics.js';
