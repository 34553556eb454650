/**
 * Cases run both in Node and in headless Chromium (under several emulated time zones); the
 * browser's results must equal Node's. Each case calls one public function of the main entry
 * with JSON arguments; `{ "$date": iso }` in an argument becomes a `Date`.
 *
 * Add cases freely: a case whose `fn` the entry does not export yet is skipped with a warning
 * while `size-budget.json` has `"skipMissingExports": true`.
 */
import type { Message, Schedule, Visitor } from '../../src/core/types.js';
import spec from '../../spec/cases.json' with { type: 'json' };

/** Public functions the vectors may call. */
export type VectorFn =
  | 'evaluate'
  | 'explain'
  | 'recordDelivery'
  | 'markDelivery'
  | 'isOpen'
  | 'nextChange'
  | 'parseMessage'
  | 'parseMessages'
  | 'parseVisitor'
  | 'parseWorkspace'
  | 'parseSchedule'
  | 'present'
  | 'interact'
  | 'tally'
  | 'toInstant';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface Vector {
  /** Unique, describes the behaviour the case pins. */
  readonly name: string;
  readonly fn: VectorFn;
  readonly args: readonly JsonValue[];
}

/** `{ $date: iso }`: an argument that is a `Date` instance. */
const date = (iso: string): JsonValue => ({ $date: iso });
const ms = (iso: string): number => Date.parse(iso);

// Types are checked here; `json` turns them into the plain JSON the runner sends to the page.
const json = <T>(value: T): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

const berlin: Schedule = {
  timezone: 'Europe/Berlin',
  weekly: [
    { day: 'mon', open: '09:00', close: '17:00' },
    { day: 'sun', open: '01:00', close: '04:00' },
    { day: 'fri', open: '22:00', close: '02:00' },
  ],
  holidays: [{ name: 'Christmas', start: '2026-12-24', end: '2026-12-28' }],
};

const newYork: Schedule = {
  timezone: 'America/New_York',
  weekly: [
    { day: 'sun', open: '01:30', close: '03:30' },
    { day: 'mon', open: '00:00', close: '24:00' },
    { day: 'sat', open: '20:00', close: '20:00' },
  ],
  holidays: [],
};

const kathmandu: Schedule = {
  timezone: 'Asia/Kathmandu',
  weekly: [{ day: 'tue', open: '09:15', close: '17:45' }],
  holidays: [{ start: '2026-11-24', end: '2026-11-24' }],
};

const pricingHelp: Message = {
  id: 'msg_pricing_help',
  name: 'Help on the pricing page',
  brandId: 'brand_1',
  channelId: 'web_main',
  status: 'live',
  response: { type: 'agent', text: 'Questions about our plans? We are here.', capture: ['name', 'email'] },
  trigger: { event: 'timeOnPage', seconds: 30 },
  conditions: {
    all: [
      { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] },
      {
        any: [
          { fact: 'language', operator: 'in', value: ['en', 'de'] },
          { fact: 'visitorType', operator: 'equal', value: 'returning' },
        ],
      },
    ],
  },
  tags: ['proactive', 'pricing'],
  sendWindow: { type: 'businessHours', schedule: berlin },
  frequency: 'oncePerVisit',
  priority: 0,
  metrics: { sent: 0, read: 0, replied: 0 },
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-20T12:00:00Z',
};

const welcome: Message = {
  ...pricingHelp,
  id: 'msg_welcome',
  name: 'Welcome',
  trigger: { event: 'pageLoad' },
  conditions: { fact: 'visitCount', operator: 'greaterThanInclusive', value: 1 },
  sendWindow: { type: 'anytime' },
  frequency: 'everyTime',
  priority: 1,
};

const afterHours: Message = {
  ...pricingHelp,
  id: 'msg_after_hours',
  name: 'After hours',
  trigger: { event: 'pageLoad' },
  conditions: { not: { fact: 'deviceType', operator: 'equal', value: 'mobile' } },
  sendWindow: { type: 'outsideBusinessHours', schedule: kathmandu },
  frequency: 'once',
  priority: 5,
};

const visitor: Visitor = {
  id: 'v_123',
  channelId: 'web_main',
  visit: { id: 'visit_9', number: 2, startedAt: '2026-11-23T09:58:00Z', pageViews: 3 },
  page: {
    viewId: 'pv_3',
    url: 'https://shop.example/pricing',
    title: 'Pricing',
    referrer: 'https://search.example/',
    enteredAt: '2026-11-23T10:00:00Z',
  },
  language: 'en-US',
  deviceType: 'desktop',
  metadata: { plan: 'trial', cartValue: 120 },
  inActiveConversation: false,
  deliveries: [
    { messageId: 'msg_welcome', at: '2026-11-20T08:00:00Z', visitId: 'visit_8', pageViewId: 'pv_1', dismissed: true },
  ],
};

const messages = json([pricingHelp, welcome, afterHours]);

/** Instants around the schedules' interesting wall-clock moments, as epoch ms. */
const instants: readonly (readonly [string, number])[] = [
  ['Berlin Monday 10:00 (open)', ms('2026-11-23T09:00:00Z')],
  ['Berlin Monday 17:00 exactly (closing edge)', ms('2026-11-23T16:00:00Z')],
  ['Berlin Friday 23:30 (overnight interval)', ms('2026-11-27T22:30:00Z')],
  ['Berlin Saturday 01:59 (overnight tail)', ms('2026-11-28T00:59:00Z')],
  ['Berlin Monday 28 December 2026 10:00, holiday', ms('2026-12-28T09:00:00Z')],
  ['Berlin Sunday 29 March 2026, spring-forward gap', ms('2026-03-29T00:30:00Z')],
  ['Berlin Sunday 25 October 2026, repeated hour', ms('2026-10-25T00:30:00Z')],
  ['New York Sunday 8 March 2026 02:30 does not exist', ms('2026-03-08T06:45:00Z')],
  ['New York Sunday 1 November 2026 01:30, first pass', ms('2026-11-01T05:30:00Z')],
  ['New York Sunday 1 November 2026 01:30, second pass', ms('2026-11-01T06:30:00Z')],
  ['Kathmandu Tuesday 09:15 (+05:45 offset)', ms('2026-12-01T03:30:00Z')],
];

const scheduleCases = (fn: 'isOpen' | 'nextChange'): Vector[] =>
  [berlin, newYork, kathmandu].flatMap((schedule) =>
    instants.map(([label, at]) => ({
      name: `${fn} ${schedule.timezone} at ${label}`,
      fn,
      args: [json(schedule), at],
    })),
  );

export const vectors: readonly Vector[] = [
  { name: 'toInstant of a Date', fn: 'toInstant', args: [date('2026-11-23T10:00:00Z')] },
  { name: 'toInstant of epoch milliseconds', fn: 'toInstant', args: [1795428000000] },
  { name: 'toInstant of an ISO string with an offset', fn: 'toInstant', args: ['2026-11-23T11:00:00.0005+01:00'] },
  { name: 'toInstant refuses a timestamp without an offset (it would depend on the host zone)', fn: 'toInstant', args: ['2026-11-23T10:00:00'] },
  { name: 'evaluate with now as an ISO string', fn: 'evaluate', args: [json(visitor), messages, '2026-11-23T10:00:45Z'] },
  {
    name: 'evaluate refuses an unparsed visitor whose timestamps have no offset, on every host zone',
    fn: 'evaluate',
    args: [json({ ...visitor, page: { ...visitor.page, enteredAt: '2026-11-23T10:00:00' } }), messages, ms('2026-11-23T10:00:45Z')],
  },
  { name: 'parseMessage of the SPEC example', fn: 'parseMessage', args: [json(pricingHelp)] },
  { name: 'parseMessages keeps good items and reports bad ones', fn: 'parseMessages', args: [[messages, { id: 'broken' }].flat()] },
  { name: 'parseVisitor of the SPEC example', fn: 'parseVisitor', args: [json(visitor)] },
  { name: 'parseSchedule with an unknown zone', fn: 'parseSchedule', args: [json({ ...berlin, timezone: 'Mars/Olympus' })] },
  { name: 'parseSchedule of an overnight schedule', fn: 'parseSchedule', args: [json(berlin)] },
  ...scheduleCases('isOpen'),
  ...scheduleCases('nextChange'),
  ...instants.flatMap(([label, at]) => [
    { name: `evaluate at ${label}`, fn: 'evaluate' as const, args: [json(visitor), messages, at] },
    { name: `explain at ${label}`, fn: 'explain' as const, args: [json(visitor), messages, at] },
  ]),
  { name: 'evaluate with now as a Date', fn: 'evaluate', args: [json(visitor), messages, date('2026-11-23T10:00:45Z')] },
  // The end-to-end vectors of spec/cases.json, in the browser too (their expectations are checked in Node by test/spec).
  ...spec.cases.flatMap((c) => [
    { name: `spec: ${c.name} (evaluate)`, fn: 'evaluate' as const, args: [json(c.visitor), json(c.messages), c.now] },
    { name: `spec: ${c.name} (explain)`, fn: 'explain' as const, args: [json(c.visitor), json(c.messages), c.now] },
  ]),
  {
    name: 'recordDelivery appends a delivery',
    fn: 'recordDelivery',
    args: [json(visitor), 'msg_pricing_help', ms('2026-11-23T10:00:45Z')],
  },
];
