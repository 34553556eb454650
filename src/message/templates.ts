/**
 * The three partially configured drafts an account finds on its first visit.
 * @module
 */
import type { Result } from '../core/issues.js';
import type { Instant, Message, Schedule } from '../core/types.js';
import { runCheck } from '../check/check.js';
import { list, nullable, unique } from '../check/check.js';
import { id as idCheck } from '../check/primitives.js';
import { fail, ok } from '../parse/parse.js';
import { Arguments, NOT_READ } from './inputs.js';

/** Default ids of the starter drafts, in the order {@link starterTemplates} returns them. */
export const STARTER_TEMPLATE_IDS = ['starter_welcome', 'starter_pricing_help', 'starter_out_of_hours'] as const;

/** Options of {@link starterTemplates}. */
export interface StarterTemplateOptions {
  /** The account's brand; every draft belongs to it. */
  readonly brandId: string;
  /** A channel to preselect; `null`/absent leaves it for the admin to pick. */
  readonly channelId?: string | null;
  readonly now: Instant;
  /** Ids for the three drafts (the core has no randomness); defaults to {@link STARTER_TEMPLATE_IDS}. */
  readonly ids?: readonly [string, string, string];
}

type Content = Omit<Message, 'id' | 'brandId' | 'channelId' | 'status' | 'metrics' | 'createdAt' | 'updatedAt'>;

/** Monday to Friday, 09:00–17:00 UTC: a placeholder the admin adjusts to their own hours. */
const officeHours = (): Schedule => ({
  timezone: 'UTC',
  weekly: WORKDAYS.map((day) => ({ day, open: '09:00', close: '17:00' })),
  holidays: [],
});
const WORKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * The three use cases: engagement, conversion and proactive help. Agent responses (no AI agent
 * to pick). Built fresh on each call so callers never share nested objects.
 */
const contents = (): readonly [Content, Content, Content] => [
  {
    name: 'Welcome new visitors',
    response: { type: 'agent', text: 'Hi there! Have a question? We are happy to help.', capture: [] },
    trigger: { event: 'timeOnPage', seconds: 10 },
    conditions: { all: [{ fact: 'visitorType', operator: 'equal', value: 'new' }] },
    tags: ['proactive', 'welcome'],
    sendWindow: { type: 'anytime' },
    frequency: 'once',
    priority: 0,
  },
  {
    name: 'Help on the pricing page',
    response: {
      type: 'agent',
      text: 'Questions about our plans? We are here.',
      capture: ['name', 'email'],
      followUp: 'Thanks! An agent will join you shortly.',
    },
    trigger: { event: 'timeOnPage', seconds: 30 },
    conditions: { all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }] },
    tags: ['proactive', 'pricing'],
    sendWindow: { type: 'anytime' },
    frequency: 'oncePerVisit',
    priority: 1,
  },
  {
    name: 'Out-of-hours notice',
    response: {
      type: 'agent',
      text: 'We are away right now. Leave your email and we will get back to you.',
      capture: ['email'],
      followUp: 'Thanks! We will reply by email when we are back.',
    },
    trigger: { event: 'pageLoad' },
    conditions: null,
    tags: ['proactive', 'outofhours'],
    sendWindow: { type: 'outsideBusinessHours', schedule: officeHours() },
    frequency: 'oncePerVisit',
    priority: 0,
  },
];

/**
 * The three starter drafts, ready to edit or duplicate: "Welcome new visitors" (engagement:
 * new visitors after 10 s, once), "Help on the pricing page" (conversion: 30 s on a pricing
 * page, asks for name and email, once per visit) and "Out-of-hours notice" (proactive help:
 * outside Mon–Fri 09:00–17:00 UTC, asks for an email, once per visit). All use the agent
 * response type, which needs no AI agent; the only thing an admin must still choose is the
 * channel (unless `channelId` is given), so with a channel they pass
 * `checkPublishRequirements` in a fully enabled workspace. Fails with `invalidInstant` for an
 * invalid `now`, and with the issues of a `brandId`, `channelId` or `ids` that would not parse.
 * @example
 * ```ts
 * const drafts = starterTemplates({ brandId: 'brand_1', now: '2026-11-01T00:00:00Z' });
 * if (drafts.ok) drafts.value.map((m) => m.id); // ['starter_welcome', 'starter_pricing_help', 'starter_out_of_hours']
 * ```
 */
export function starterTemplates(options: StarterTemplateOptions): Result<readonly Message[]> {
  const read = new Arguments();
  const given = read.options(options);
  const at = read.now(given);
  const [givenBrand, givenChannel, givenIds] = [read.option(given, 'brandId'), read.option(given, 'channelId'), read.option(given, 'ids')];
  const brand = givenBrand === NOT_READ ? undefined : runCheck(idCheck, givenBrand, true, ['brandId']);
  const channel = givenChannel === NOT_READ ? undefined : runCheck(nullable(idCheck), givenChannel ?? null, true, ['channelId']);
  const ids = givenIds === NOT_READ ? undefined : runCheck(list(idCheck, 3, 3, unique((id) => id)), givenIds ?? STARTER_TEMPLATE_IDS, true, ['ids']);
  for (const checked of [brand, channel, ids]) if (checked !== undefined && !checked.ok) read.issues.push(...checked.issues);
  if (at === undefined || brand === undefined || !brand.ok || channel === undefined || !channel.ok || ids === undefined || !ids.ok || read.issues.length > 0) {
    return fail(read.issues);
  }
  return ok(
    contents().map(({ name, ...content }, index) => ({
      id: ids.value[index] as string,
      name,
      brandId: brand.value,
      channelId: channel.value,
      status: 'draft',
      ...content,
      metrics: { sent: 0, read: 0, replied: 0 },
      createdAt: at,
      updatedAt: at,
    })),
  );
}
