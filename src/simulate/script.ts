/**
 * The simulation script: a JSON timeline of visitors arriving, moving between pages, acting on
 * what they see and leaving (docs/simulate.md). Checked by the library's own check combinators,
 * so a bad script gets issues with paths, like every other input; a visitor's own fields
 * (`id`, `channelId`, `language`, `deviceType`, `metadata`, `deliveries`) are checked by the one
 * visitor checker.
 * @module
 */
import { NO_PARAMS } from '../core/issues.js';
import { parseTimestamp } from '../core/instants.js';
import { MAX_COUNTER, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from '../core/limits.js';
import type { Delivery, DeviceType, IsoTimestamp, MetadataValue, Workspace } from '../core/types.js';
import { bool, int, list, nullable, object, oneOf, opt, report, str, unique, variant, withDefault, type Check, type Ctx } from '../check/check.js';
import { id, timestamp, url } from '../check/primitives.js';
import { visitorCheck } from '../check/visitor.js';
import { workspaceCheck } from '../check/workspace.js';

/** Bounds of a script (bounded work, like every input). */
export const SIMULATION_LIMITS = {
  /** Most visitors in one script. */
  visitors: 100,
  /** Most events in one script. */
  events: 2_000,
  /** Most steps (events and timers) one simulation runs; past it the timeline stops (`truncated`). */
  steps: 20_000,
} as const;

/** A visitor of the script, before any visit: who they are and what they bring along. */
export interface ScriptVisitor {
  readonly id: string;
  readonly channelId: string;
  readonly language?: string | null;
  readonly deviceType?: DeviceType | null;
  readonly metadata?: Readonly<Record<string, MetadataValue>>;
  /** Visits before the script (0, the default: a new visitor; the first `arrive` is visit 1). */
  readonly previousVisits?: number;
  /** Deliveries from before the script (the persisted history). Default `[]`. */
  readonly deliveries?: readonly Delivery[];
}

/** The UI events of the interaction reducer a script can play (`show` is the simulation's own). */
export const SCRIPT_INTERACTIONS = ['open', 'dismiss', 'close', 'submitDetails', 'interactWithAnswer', 'ignore'] as const;
export type ScriptInteraction = (typeof SCRIPT_INTERACTIONS)[number];

/** Every event type of a script. */
export const SCRIPT_EVENT_TYPES = ['arrive', 'navigate', 'update', 'leave', ...SCRIPT_INTERACTIONS] as const;
export type ScriptEventType = (typeof SCRIPT_EVENT_TYPES)[number];

interface EventBase {
  /** When it happens: an ISO-8601 timestamp with an offset; events are in time order. */
  readonly at: IsoTimestamp;
  /** The `id` of a visitor of the script. */
  readonly visitor: string;
}

/** One event of the timeline. */
export type ScriptEvent =
  /** A visit starts on this page (a new visit if the visitor was already there). */
  | (EventBase & { readonly type: 'arrive'; readonly url: string; readonly title: string; readonly referrer?: string | null })
  /** A new page view in the same visit. */
  | (EventBase & { readonly type: 'navigate'; readonly url: string; readonly title: string })
  /** What the host learns about the visitor: new metadata (replaces it), a conversation starting or ending, … */
  | (EventBase & {
      readonly type: 'update';
      readonly metadata?: Readonly<Record<string, MetadataValue>>;
      readonly inActiveConversation?: boolean;
      readonly language?: string | null;
      readonly deviceType?: DeviceType | null;
    })
  /** The visit ends. */
  | (EventBase & { readonly type: 'leave' })
  /** Details typed into the capture form. */
  | (EventBase & { readonly type: 'submitDetails'; readonly name?: string; readonly email?: string })
  /** A UI event on the message on screen. */
  | (EventBase & { readonly type: Exclude<ScriptInteraction, 'submitDetails'> });

/** A simulation script. */
export interface SimulationScript {
  /** Timers after this instant do not fire; every event is at or before it. */
  readonly end: IsoTimestamp;
  /** The workspace messages are presented with (`options.workspace` overrides it). */
  readonly workspace?: Workspace;
  readonly visitors: readonly ScriptVisitor[];
  readonly events: readonly ScriptEvent[];
}

/** Any value, checked later by the one visitor checker. */
const passed: Check<unknown> = (value) => value;

/** A visit and page for checking a visitor's own fields with the visitor checker. */
const PROBE_VISIT = { id: 'probe', number: 1, startedAt: '2000-01-01T00:00:00Z', pageViews: 1 };
const PROBE_PAGE = { viewId: 'probe', url: 'probe', title: '', enteredAt: '2000-01-01T00:00:00Z' };

/**
 * Runs the visitor checker on a visitor made of `fields` (issues land at the fields' own paths);
 * `withIds` fills in `id` and `channelId` when the fields are not a whole profile.
 */
function checkAsVisitor(fields: Record<string, unknown>, ctx: Ctx, withIds: boolean): void {
  const probe: Record<string, unknown> = { visit: PROBE_VISIT, page: PROBE_PAGE, inActiveConversation: false };
  if (withIds) Object.assign(probe, { id: 'probe', channelId: 'probe' });
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) probe[key] = value;
  visitorCheck(probe, ctx);
}

const scriptVisitor = /* @__PURE__ */ object<ScriptVisitor>(
  {
    id: passed as Check<string>,
    channelId: passed as Check<string>,
    language: passed as Check<string | null | undefined>,
    deviceType: passed as Check<DeviceType | null | undefined>,
    metadata: passed as Check<Readonly<Record<string, MetadataValue>> | undefined>,
    previousVisits: withDefault(int(0, MAX_COUNTER - 1), () => 0),
    deliveries: withDefault(passed as Check<readonly Delivery[]>, () => []),
  },
  (parsed, ctx) => checkAsVisitor({ ...parsed, previousVisits: undefined }, ctx, false),
);

const at = timestamp;
const who = id;
const title = /* @__PURE__ */ str(0, MAX_TITLE_LENGTH);
const plain = (type: ScriptEventType): Check<ScriptEvent> => object({ at, visitor: who, type: oneOf([type]) }) as Check<ScriptEvent>;

const scriptEvent: Check<ScriptEvent> = /* @__PURE__ */ variant<ScriptEvent>('type', {
  arrive: object({ at, visitor: who, type: oneOf(['arrive']), url, title, referrer: opt(nullable(str(0, MAX_URL_LENGTH))) }),
  navigate: object({ at, visitor: who, type: oneOf(['navigate']), url, title }),
  update: object(
    {
      at,
      visitor: who,
      type: oneOf(['update']),
      metadata: passed as Check<Readonly<Record<string, MetadataValue>> | undefined>,
      inActiveConversation: opt(bool),
      language: passed as Check<string | null | undefined>,
      deviceType: passed as Check<DeviceType | null | undefined>,
    },
    (parsed, ctx) => checkAsVisitor({ metadata: parsed.metadata, language: parsed.language, deviceType: parsed.deviceType }, ctx, true),
  ) as Check<ScriptEvent>,
  leave: plain('leave'),
  submitDetails: object({ at, visitor: who, type: oneOf(['submitDetails']), name: opt(str(0, MAX_TEXT_LENGTH)), email: opt(str(0, MAX_TEXT_LENGTH)) }),
  open: plain('open'),
  dismiss: plain('dismiss'),
  close: plain('close'),
  interactWithAnswer: plain('interactWithAnswer'),
  ignore: plain('ignore'),
});

/** Rules across the script: events in time order and not after `end`, known visitors, on the site when they act. */
function timeline(script: SimulationScript, ctx: Ctx): void {
  const end = parseTimestamp(script.end) as number;
  const ids = script.visitors.map((v) => v.id);
  const onSite = new Set<string>();
  let previous = -Infinity;
  script.events.forEach((event, i) => {
    ctx.path.push('events', i);
    const time = parseTimestamp(event.at) as number;
    if (time < previous || time > end) report(ctx, 'invalidRange', NO_PARAMS, 'at');
    previous = Math.max(previous, time);
    if (!ids.includes(event.visitor)) report(ctx, 'invalidValue', { allowed: ids }, 'visitor');
    else if (event.type === 'arrive') onSite.add(event.visitor);
    else if (!onSite.has(event.visitor)) report(ctx, 'visitorNotOnSite', { visitorId: event.visitor }, 'visitor');
    else if (event.type === 'leave') onSite.delete(event.visitor);
    ctx.path.length -= 2;
  });
}

/** The whole script. Defaults: `previousVisits: 0`, `deliveries: []`. */
export const scriptCheck: Check<SimulationScript> = /* @__PURE__ */ object<SimulationScript>(
  {
    end: timestamp,
    workspace: opt(workspaceCheck),
    visitors: list(scriptVisitor, 1, SIMULATION_LIMITS.visitors, unique((v) => v.id, 'id')),
    events: list(scriptEvent, 0, SIMULATION_LIMITS.events),
  },
  (parsed, ctx, failed) => {
    if (!failed('end') && !failed('visitors') && !failed('events')) timeline(parsed, ctx);
  },
);
