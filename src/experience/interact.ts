/**
 * The interaction reducer: `interact(state, event) → { state, effects, ignored }`.
 * Pure: it returns the effects the host must run and runs none of them (like XState's
 * `transition`). The transitions come from {@link INTERACTION_TRANSITIONS}.
 * @module
 */
import { assertNever } from '../core/issues.js';
import type { Presentation } from './presentation-types.js';
import { validateDetails, type FieldErrors } from './details.js';
import type {
  IgnoredEvent,
  IgnoredReason,
  InteractionEffect,
  InteractionEffectType,
  InteractionEvent,
  InteractionFlavour,
  InteractionResponse,
  InteractionResult,
  InteractionState,
} from './interaction-types.js';
import { findTransition, INTERACTION_EVENT_TYPES, INTERACTION_STATUSES, INTERACTION_TRANSITIONS, TERMINAL_STATUSES } from './transitions.js';
import { NO_PARAMS, issueAt, type IssueData, type Result } from '../core/issues.js';
import { MAX_TAGS, MAX_TAG_LENGTH, MAX_TEXT_LENGTH } from '../core/limits.js';
import { isRecord, kindOf } from '../core/values.js';
import { CAPTURE_FIELDS, RESPONSE_TYPES } from '../core/vocabulary.js';
import { list, nullable, object, oneOf, opt, runCheck, str, variant, type Check } from '../check/check.js';
import { UNREADABLE } from '../check/list.js';
import { id } from '../check/primitives.js';
import { fail, ok } from '../parse/parse.js';
import { DETAIL_ERROR_CODES } from './details.js';

const NO_ERRORS: FieldErrors = Object.freeze({});

const detailError = /* @__PURE__ */ opt(object({ code: oneOf(DETAIL_ERROR_CODES), message: str(0, MAX_TEXT_LENGTH) }));
const anyText = /* @__PURE__ */ str(0, MAX_TEXT_LENGTH);

/** The one definition of a state the reducer made (what `initialInteraction` returns and `interact` accepts). */
const stateCheck: Check<InteractionState> = /* @__PURE__ */ object<InteractionState>({
  status: oneOf(INTERACTION_STATUSES),
  messageId: id,
  visitorId: id,
  response: variant<InteractionResponse>('type', {
    agent: object({
      type: oneOf(['agent']),
      capture: list(oneOf(CAPTURE_FIELDS), 0, CAPTURE_FIELDS.length),
      followUp: nullable(anyText),
      tags: list(str(1, MAX_TAG_LENGTH), 0, MAX_TAGS),
    }),
    aiAgent: object({ type: oneOf(['aiAgent']), aiAgentId: id, answerId: nullable(id) }),
  }),
  details: object({ name: opt(anyText), email: opt(anyText) }),
  fieldErrors: object({ name: detailError, email: detailError }),
});

/**
 * The state of a message that is about to be shown to `visitorId`: `hidden`, with what the
 * reducer needs from the presentation (capture fields, follow-up, tags, AI agent and answer).
 * @example
 * ```ts
 * const presented = present(message, workspace);
 * const started = presented.ok ? initialInteraction(presented.value, visitor.id) : undefined;
 * if (started?.ok) {
 *   let state = started.value; // status 'hidden'
 * }
 * ```
 */
export function initialInteraction(presentation: Presentation, visitorId: string): Result<InteractionState> {
  let state: unknown;
  try {
    state = { status: 'hidden', messageId: presentation.messageId, visitorId, response: responseOf(presentation), details: {}, fieldErrors: NO_ERRORS };
  } catch {
    // Not a presentation `present` made (a hand-built object of another shape).
    return fail([presentationIssue(presentation)]);
  }
  const checked = runCheck(stateCheck, state, true);
  return checked.ok ? ok(checked.value) : fail(checked.issues);
}

/** Why `presentation` could not start an interaction: not an object, of another shape, or not readable. */
function presentationIssue(presentation: unknown): IssueData {
  try {
    if (!isRecord(presentation)) return issueAt(['presentation'], 'invalidType', { expected: 'object', got: kindOf(presentation) });
    // Of another shape: its type is missing or not one `present` makes.
    return presentation.type === undefined ? issueAt(['presentation', 'type'], 'required', NO_PARAMS) : issueAt(['presentation', 'type'], 'invalidValue', { allowed: RESPONSE_TYPES });
  } catch {
    // A revoked Proxy, a trap or a getter that throws.
    return issueAt(['presentation'], 'invalidType', UNREADABLE);
  }
}

function responseOf(presentation: Presentation): InteractionResponse {
  switch (presentation.type) {
    case 'agent':
      return {
        type: 'agent',
        capture: [...presentation.onOpen.capture],
        followUp: presentation.onOpen.followUp,
        tags: [...presentation.onOpen.handOff.tags],
      };
    case 'aiAgent': {
      const show = presentation.onOpen.show;
      return { type: 'aiAgent', aiAgentId: presentation.onOpen.aiAgentId, answerId: show.kind === 'answer' ? show.answerId : null };
    }
    default:
      return assertNever(presentation, 'presentation type');
  }
}

/**
 * Which branch of the machine applies to a state.
 * @example
 * ```ts
 * flavourOf(initialInteraction(aiPresentation, 'v_1')); // 'aiAgent'
 * ```
 */
export function flavourOf(state: InteractionState): InteractionFlavour {
  const response = state.response;
  switch (response.type) {
    case 'agent':
      return response.capture.length > 0 ? 'agentWithCapture' : 'agentWithoutCapture';
    case 'aiAgent':
      return 'aiAgent';
    default:
      return assertNever(response, 'response type');
  }
}

/**
 * Applies one widget event. Returns the next state and the effects the host must run, in
 * order. An event that makes no sense in the current state returns the same `state` object,
 * no effects, and `ignored: { reason, message }` — so do an event of an unknown type
 * (`invalidEvent`) and a state the reducer did not make (`invalidState`). Invalid details on
 * `submitDetails` keep the form `open` with `fieldErrors` (no effects, `ignored: null`). Never
 * mutates `state`, never throws.
 * @example
 * ```ts
 * const started = initialInteraction(presentation, 'v_1');
 * if (!started.ok) throw new Error('not a presentation');
 * const shown = interact(started.value, { type: 'show' });
 * shown.effects.map((effect) => effect.type); // ['recordDelivery', 'countSent']
 * interact(shown.state, { type: 'show' }).ignored?.reason; // 'alreadyShown'
 * ```
 */
export function interact(state: InteractionState, event: InteractionEvent): InteractionResult {
  if (!runCheck(stateCheck, state, false).ok) {
    return { state, effects: [], ignored: { reason: 'invalidState', message: 'the state is not one initialInteraction or interact made' } };
  }
  const read = readEvent(event);
  if (read === undefined) return { state, effects: [], ignored: { reason: 'invalidEvent', message: 'the event could not be read (not JSON)' } };
  if (!(INTERACTION_EVENT_TYPES as readonly unknown[]).includes(read.type)) {
    return { state, effects: [], ignored: { reason: 'invalidEvent', message: `the event type must be one of ${INTERACTION_EVENT_TYPES.join(', ')}` } };
  }
  const given = read as InteractionEvent;
  const flavour = flavourOf(state);
  const row = findTransition(state.status, given.type, flavour);
  if (row === undefined) return { state, effects: [], ignored: ignoredEvent(state, given.type, flavour) };
  let details = state.details;
  if (given.type === 'submitDetails' && state.response.type === 'agent') {
    const validation = validateDetails(state.response.capture, { name: given.name, email: given.email });
    if (!validation.ok) {
      return { state: { ...state, details: validation.details, fieldErrors: validation.fieldErrors }, effects: [], ignored: null };
    }
    details = validation.details;
  }
  const next: InteractionState = { ...state, status: row.to, details, fieldErrors: NO_ERRORS };
  return { state: next, effects: row.effects.map((type) => effectOf(type, next)), ignored: null };
}

/** The event's fields read once (`type`, and the details of `submitDetails`), or `undefined` when they cannot be read. */
function readEvent(event: unknown): { readonly type?: unknown; readonly name?: unknown; readonly email?: unknown } | undefined {
  try {
    if (!isRecord(event)) return {};
    const type = event.type;
    return type === 'submitDetails' ? { type, name: event.name, email: event.email } : { type };
  } catch {
    return undefined;
  }
}

/** The effect of `type` for the state just entered (the frozen table only lists known types). */
function effectOf(type: InteractionEffectType, state: InteractionState): InteractionEffect {
  const { messageId, visitorId, response } = state;
  switch (type) {
    case 'recordDelivery':
      return { type, messageId };
    case 'countSent':
    case 'countRead':
    case 'countReplied':
      return { type, messageId, visitorId };
    case 'handOffToAgent':
      return { type, messageId, tags: response.type === 'agent' ? [...response.tags] : [], details: { ...state.details } };
    case 'startAiConversation': {
      // The table emits this only for AI-agent responses; the fallback keeps the types total.
      const { aiAgentId, answerId } = response.type === 'aiAgent' ? response : { aiAgentId: '', answerId: null };
      return answerId === null ? { type, messageId, aiAgentId } : { type, messageId, aiAgentId, answerId };
    }
    case 'markDelivery':
      return { type, messageId, outcome: state.status === 'dismissed' ? 'dismissed' : 'closed' };
  }
}

/** Why an event was ignored, in words (`notForThisResponseType` also names the response type). */
const IGNORED_BECAUSE: Readonly<Record<Exclude<IgnoredReason, 'notForThisResponseType' | 'invalidEvent' | 'invalidState'>, string>> = {
  finished: 'the interaction is over',
  alreadyShown: 'the message was already shown',
  notShown: 'the message has not been shown yet',
  notOpen: 'the messaging window is not open',
  alreadyOpen: 'the messaging window is already open',
};

function ignoredEvent(state: InteractionState, event: InteractionEvent['type'], flavour: InteractionFlavour): IgnoredEvent {
  const reason = ignoredReason(state, event, flavour);
  const because =
    reason === 'notForThisResponseType' ? `not applicable to a ${state.response.type} response` : IGNORED_BECAUSE[reason];
  return { reason, message: `"${event}" ignored in state "${state.status}": ${because}` };
}

function ignoredReason(
  state: InteractionState,
  event: InteractionEvent['type'],
  flavour: InteractionFlavour,
): Exclude<IgnoredReason, 'invalidEvent' | 'invalidState'> {
  if ((TERMINAL_STATUSES as readonly string[]).includes(state.status)) return 'finished';
  if (event === 'show') return 'alreadyShown';
  if (state.status === 'hidden') return 'notShown';
  const otherFlavour = INTERACTION_TRANSITIONS.some(
    (row) => row.from === state.status && row.event === event && row.when !== 'any' && row.when !== flavour,
  );
  if (otherFlavour) return 'notForThisResponseType';
  return state.status === 'shown' ? 'notOpen' : 'alreadyOpen';
}
