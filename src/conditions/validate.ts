import type { ChannelType, ConditionNode } from '../model/types.js';
import type { Issue, IssuePath } from '../model/result.js';

/** What semantic checks of a condition tree may depend on. */
export interface ConditionCheckContext {
  /** The type of the message's channel, when known (metadata facts are web-widget only). */
  readonly channelType?: ChannelType;
}

/**
 * Semantic checks of a structurally valid tree: known facts, known operators, operator
 * allowed for the fact, value type matching the operator. Returns every issue found.
 * (Stub: filled in by the conditions module.)
 */
export function checkConditionSemantics(
  _tree: ConditionNode,
  _path: IssuePath,
  _context: ConditionCheckContext = {},
): Issue[] {
  return [];
}
