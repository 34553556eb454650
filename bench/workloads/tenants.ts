/**
 * Multi-tenant: many accounts' lists in one process. Tenant `t` is the current mix with every
 * string of its rules its own (section paths, metadata key), its own channel, ids and schedule
 * objects, and its own visitor — the same work per visitor as tenant 0, but no rule text shared
 * with another tenant (numbers and enumerations such as languages and devices stay the same, as
 * they would across real accounts).
 * @module
 */
import type { ConditionNode, Message, Visitor } from '../../src/index.js';
import type { SampledInstant } from '../instants.js';
import { casesOf, mixMessages, mixVisitor } from './mix.js';
import type { Case } from './common.js';

export interface Tenant {
  readonly messages: readonly Message[];
  readonly cases: readonly Case[];
}

export function tenantMessages(t: number): Message[] {
  return mixMessages({ channelId: `web_t${t}`, prefix: `t${t}_msg_`, section: (k) => `/t${t}-section-${k % 10}`, planKey: `plan_t${t}` });
}

export function tenantVisitor(t: number): Visitor {
  return {
    ...mixVisitor,
    id: `v_t${t}`,
    channelId: `web_t${t}`,
    page: { ...mixVisitor.page, url: `https://shop-t${t}.example/Pricing` },
    metadata: { [`plan_t${t}`]: 'trial', cartValue: 120 },
    deliveries: mixVisitor.deliveries.map((d) => ({ ...d, messageId: d.messageId.replace('msg_', `t${t}_msg_`) })),
  };
}

/**
 * `iso` (a `toISOString()` instant) written at a UTC offset of `minutes` (`Z` for 0): the same
 * instant in other characters.
 */
function atOffset(iso: string, minutes: number): string {
  if (minutes === 0) return iso;
  const local = new Date(Date.parse(iso) + minutes * 60_000).toISOString().slice(0, -1);
  const abs = Math.abs(minutes);
  return `${local}${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The UTC offset, in minutes, at which visitor `writer` writes its timestamps (writer 0: `Z`). */
function offsetOf(writer: number): number {
  return ((writer * 29) % (26 * 60)) - (writer === 0 ? 0 : 12 * 60);
}

/**
 * Tenant `t`'s cases: its visitor at each instant, with its page and visit timestamps written at
 * the offset of visitor `writer` (by default its own; tenant 0: `Z`) — the same instants, but not
 * the same strings as another writer's (as real accounts' visitors never are), so no tenant's call
 * finds its timestamps in the memo because another tenant's call just parsed equal ones. Tenant 0
 * with writers 0…49 is one account seeing as many distinct visitors as the round-robin does.
 */
export function tenantCases(t: number, instants: readonly SampledInstant[], writer = t): Case[] {
  const minutes = offsetOf(writer);
  return casesOf(tenantVisitor(t), instants).map((c) => ({
    ...c,
    visitor: {
      ...c.visitor,
      visit: { ...c.visitor.visit, startedAt: atOffset(c.visitor.visit.startedAt, minutes) },
      page: { ...c.visitor.page, enteredAt: atOffset(c.visitor.page.enteredAt, minutes) },
    },
  }));
}

export function tenant(t: number, instants: readonly SampledInstant[]): Tenant {
  return { messages: tenantMessages(t), cases: tenantCases(t, instants) };
}

/**
 * Tenant `t` with numbers of its own too: each message's `timeOnPage > s` becomes `> s + t/64`
 * and its `visitCount ≥ v` becomes `≥ v − 1 + t/64` — the same truth on the whole seconds and
 * visit counts the facts take (so the same decisions; the section checks it), but no condition
 * equal to another tenant's, so nothing compiled can be shared between tenants.
 */
export function tenantWithOwnNumbers(t: number, instants: readonly SampledInstant[]): Tenant {
  const shift = t / 64;
  // A tree not of the mix's shape fails loudly: left as it is, it would be shared between tenants
  // and the row would quietly measure the shared case.
  const unlike = (m: Message): never => {
    throw new Error(`tenantWithOwnNumbers: ${m.id} is not a mix tree (all [url, any [timeOnPage, visitCount], …])`);
  };
  const own = (m: Message): Message => {
    if (shift === 0) return m;
    if (m.conditions === null || !('all' in m.conditions)) return unlike(m);
    const [url, either, ...rest] = m.conditions.all;
    if (either === undefined || !('any' in either)) return unlike(m);
    const [time, visits] = either.any;
    if (time === undefined || visits === undefined || !('fact' in time) || !('fact' in visits) || time.fact !== 'timeOnPage' || visits.fact !== 'visitCount') return unlike(m);
    const any = [{ ...time, value: (time.value as number) + shift }, { ...visits, value: (visits.value as number) - 1 + shift }];
    return { ...m, conditions: { all: [url as ConditionNode, { any }, ...rest] } };
  };
  return { messages: tenantMessages(t).map(own), cases: tenantCases(t, instants) };
}
