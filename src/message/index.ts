/**
 * The message life cycle: status machine, publish requirements, automatic transitions, the
 * list (limit, delete, sort) and the starter drafts (SPEC §1.1, §1.2, §1.4, §1.5, §2.2).
 * @module
 */
export { LIFECYCLE_ISSUE_CODES, type LifecycleIssueCode } from './codes.js';
export {
  ACTIONS,
  ACTIONS_BY_STATUS,
  AUTOMATIC_TRANSITIONS,
  MESSAGE_STATUSES,
  STATUS_MEANINGS,
  TRANSITIONS,
  availableActions,
  nextStatus,
  type Action,
  type AutomaticTransition,
  type AutomaticTrigger,
} from './machine.js';
export { PROACTIVE_CHANNEL_TYPES, checkPublishRequirements, isProactiveChannelType } from './requirements.js';
export { ERROR_REASONS, dependencyErrors, hasWarningFlag, limitPauseApplies } from './dependencies.js';
export { pause, publish, resume } from './actions.js';
export { COPY_NAME_MAX_LENGTH, COPY_NAME_PREFIX, copyName, duplicate, type DuplicateOptions } from './duplicate.js';
export { EDITABLE_FIELDS, edit, type EditableField, type MessageChanges } from './edit.js';
export { reconcile, type ChangeReason, type ReconcileResult, type StatusChange } from './reconcile.js';
export { MAX_MESSAGES_PER_ACCOUNT, addMessage, deleteMessage } from './list.js';
export { SORT_KEYS, STATUS_SORT_ORDER, sortMessages, type SortDirection, type SortKey } from './sort.js';
export { STARTER_TEMPLATE_IDS, starterTemplates, type StarterTemplateOptions } from './templates.js';
