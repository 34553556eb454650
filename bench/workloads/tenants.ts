/**
 * Multi-tenant: many accounts' lists in one process. Tenant `t` is the current mix with every
 * string of its rules its own (section paths, metadata key), its own channel, ids and schedule
 * objects, and its own visitor — the same work per visitor as tenant 0, but no rule text shared
 * with another tenant (numbers and enumerations such as languages and devices stay the same, as
 * they would across real accounts).
 * @module
 */
import type { Message, Visitor } from '../../src/index.js';
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

export function tenant(t: number, instants: readonly SampledInstant[]): Tenant {
  return { messages: tenantMessages(t), cases: casesOf(tenantVisitor(t), instants) };
}
