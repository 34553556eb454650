/**
 * `proactive-messaging/testing`: fast-check arbitraries for valid messages, visitors,
 * workspaces, schedules and condition trees, plus instants around DST transitions. fast-check
 * (v4) is an optional peer dependency of this entry only. Guide: `docs/property-testing.md`.
 * @module
 */
export { KIT_NOW_MS, KIT_TIME_ZONES, CHANNEL_IDS, WEB_CHANNEL_IDS, MOBILE_CHANNEL_IDS, BRAND_IDS, AI_AGENT_IDS } from './pools.js';
export { idArb, isoArb, plainTextArb, emojiTextArb, tagArb, tagsArb } from './primitives.js';
export { scheduleArb, weeklyIntervalArb, holidayArb, sendWindowArb, type ScheduleArbOptions } from './schedule.js';
export {
  instantArb,
  instantNearDstArb,
  nowArb,
  dstTransitions,
  zoneOffsetMinutes,
  type InstantArbOptions,
  type InstantNearDstOptions,
} from './instants.js';
export {
  conditionLeafArb,
  conditionTreeArb,
  factsVisitorArb,
  isWithinTreeLimits,
  treeShape,
  type ConditionTreeArbOptions,
  type FactsVisitorArbOptions,
  type TreeShape,
} from './conditions.js';
export { limitFieldsArb, messageArb, messageListArb, responseArb, triggerArb, type MessageArbOptions, type MessageLimitFields, type MessageListArbOptions } from './message.js';
export { visitorArb, type VisitorArbOptions } from './visitor.js';
export { workspaceArb, type WorkspaceArbOptions } from './workspace.js';
export { evaluateOptionsArb, scenarioArb, scenarioAt, type Scenario, type ScenarioArbOptions } from './scenario.js';
export { deepFreeze } from './freeze.js';
