/**
 * proactive-messaging — the headless, pure domain core of proactive support messages.
 *
 * This file is the only public surface of the main entry, and it names what it exports, grouped
 * by task. Data flows one way: parse → compile → evaluate → present.
 * @packageDocumentation
 */

// ---------------------------------------------------------------- the domain model and its vocabulary
export type {
  AgentResponse,
  AiAgent,
  AiAgentAnswer,
  AiAgentResponse,
  AllCondition,
  AnyCondition,
  AutomatedResolutions,
  BuiltInFact,
  CaptureField,
  Channel,
  ChannelType,
  ConditionLeaf,
  ConditionNode,
  ConditionScalar,
  ConditionValue,
  Delivery,
  DeviceType,
  ErrorReason,
  EvaluateOptions,
  FactKind,
  FactName,
  Frequency,
  Gate,
  Holiday,
  Instant,
  IsoTimestamp,
  LocalDate,
  Message,
  MessageStatus,
  MetadataFact,
  MetadataValue,
  Metrics,
  NotCondition,
  Operator,
  Page,
  PauseReason,
  Period,
  ProactiveChannelType,
  ReasonCode,
  Response,
  ResponseType,
  Schedule,
  Sender,
  SendWindow,
  SendWindowType,
  Trigger,
  TriggerEvent,
  Visit,
  Visitor,
  VisitorType,
  WallClockTime,
  Weekday,
  WeeklyInterval,
  Workspace,
} from './core/types.js';
export {
  BUILT_IN_FACTS,
  CAPTURE_FIELDS,
  CHANNEL_TYPES,
  DEVICE_TYPES,
  ERROR_REASONS,
  FACTS,
  FREQUENCIES,
  GATES,
  GATE_REASONS,
  JSON_RULES_ENGINE_FEATURES,
  MESSAGE_STATUSES,
  METADATA_FACT,
  OPERATORS,
  OPERATOR_SIGNATURES,
  PAUSE_REASONS,
  PERIODS,
  PROACTIVE_CHANNEL_TYPES,
  REASON_CODES,
  RESPONSE_TYPES,
  SEND_WINDOW_TYPES,
  TRIGGER_EVENTS,
  VISITOR_TYPES,
  WEEKDAYS,
  operatorsFor,
  type FactSignature,
  type JsonRulesEngineFeature,
  type OperandKind,
  type OperatorSignature,
} from './core/vocabulary.js';
export { LIMITS, type Limits } from './core/limits.js';
export { MAX_INSTANT, MIN_INSTANT, toInstant } from './core/instants.js';

// ---------------------------------------------------------------- parse
export {
  ISSUE_CODES,
  type ExpectedType,
  type FormatName,
  type Issue,
  type IssueCode,
  type IssueData,
  type IssueParams,
  type IssuePath,
  type Result,
  type SizeUnit,
  type ValueKind,
} from './core/issues.js';
export { describeIssue } from './parse/describe.js';
export {
  parseConditions,
  parseMessage,
  parseMessages,
  parseSchedule,
  parseVisitor,
  parseWorkspace,
  type ParseManyResult,
} from './parse/parse.js';
export type { ConditionContext } from './check/conditions.js';

// ---------------------------------------------------------------- evaluate
export { evaluate, type Decision } from './evaluate/evaluate.js';
export { explain, type GateResult, type Outcome, type Verdict } from './evaluate/explain.js';
export { compileMessages, type CompiledMessages, type InvalidMessage } from './evaluate/compile.js';

// ---------------------------------------------------------------- frequency
export {
  compactDeliveries,
  DELIVERY_OUTCOMES,
  markDelivery,
  recordDelivery,
  type DeliveryOutcome,
} from './frequency/record.js';
export { bucketOf, inHoldout, inRollout } from './frequency/rollout.js';

// ---------------------------------------------------------------- life cycle
export {
  ACTIONS,
  ACTIONS_BY_STATUS,
  AUTOMATIC_TRANSITIONS,
  STATUS_MEANINGS,
  TRANSITIONS,
  availableActions,
  type Action,
  type AutomaticTransition,
  type AutomaticTrigger,
} from './message/machine.js';
export { pause, publish, resume, type PauseOptions, type PublishOptions, type ResumeOptions } from './message/actions.js';
export { checkPublishRequirements } from './message/requirements.js';
export { hasWarningFlag } from './message/dependencies.js';
export {
  reconcile,
  type ChangeReason,
  type ReconcileOptions,
  type ReconcileResult,
  type StatusChange,
  type UnreconciledMessage,
} from './message/reconcile.js';
export { COPY_NAME_PREFIX, duplicate, type DuplicateOptions } from './message/duplicate.js';
export { EDITABLE_FIELDS, edit, type EditableField, type EditOptions, type MessageChanges } from './message/edit.js';
export { addMessage, deleteMessage } from './message/list.js';
export { SORT_DIRECTIONS, SORT_KEYS, STATUS_SORT_ORDER, sortMessages, type SortDirection, type SortKey } from './message/sort.js';
export { STARTER_TEMPLATE_IDS, starterTemplates, type StarterTemplateOptions } from './message/templates.js';

// ---------------------------------------------------------------- visitor experience
export { fallbackGreeting, present } from './experience/present.js';
export type * from './experience/presentation-types.js';
export { initialInteraction, interact } from './experience/interact.js';
export type * from './experience/interaction-types.js';
export { INTERACTION_EVENT_TYPES, INTERACTION_STATUSES, INTERACTION_TRANSITIONS, TERMINAL_STATUSES, type TransitionRow } from './experience/transitions.js';
export {
  DETAIL_ERROR_CODES,
  isValidEmail,
  validateDetails,
  type CapturedDetails,
  type DetailError,
  type DetailErrorCode,
  type DetailsValidation,
  type FieldErrors,
} from './experience/details.js';
export { METRIC_TYPES, applyTally, metricEventOf, tally, type MetricEvent, type MetricType } from './experience/metrics.js';

// ---------------------------------------------------------------- business hours
export { compileSchedule, isOpen, nextChange, type CompiledSchedule } from './schedule/compile.js';
export { fromHelpDeskSchedule, type HelpDeskHoliday, type HelpDeskInterval, type HelpDeskSchedule } from './schedule/helpdesk.js';

// ---------------------------------------------------------------- conditions
export { compileConditions, explainConditions } from './conditions/compile.js';
export type { CompiledConditions } from './conditions/plan.js';
export { readFacts, type Facts, type FactValue } from './conditions/facts.js';
export type {
  ConditionOutcome,
  ExplainedAll,
  ExplainedAny,
  ExplainedLeaf,
  ExplainedNode,
  ExplainedNot,
} from './conditions/explain.js';

// ---------------------------------------------------------------- before going live: lint and simulate
export { lint, LINT_STEPS, type LintOptions } from './lint/index.js';
export { LINT_SEVERITIES, LINT_SEVERITY, type LintFinding, type LintSeverity, type LintWitness } from './lint/findings.js';
export { LINT_ISSUE_CODES, type LintIssueCode, type SendWindowNeverOpensReason } from './core/issues.js';
export {
  simulate,
  type SimulateOptions,
  type Simulation,
  type SimulationStep,
  type StepEvaluation,
  type StepInteraction,
  type StepVerdict,
} from './simulate/simulate.js';
export {
  SCRIPT_EVENT_TYPES,
  SCRIPT_INTERACTIONS,
  SIMULATION_LIMITS,
  type ScriptEvent,
  type ScriptEventType,
  type ScriptInteraction,
  type ScriptVisitor,
  type SimulationScript,
} from './simulate/script.js';
