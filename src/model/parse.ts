/**
 * Parsers for the wire format (SPEC §4). STUB — the schema module replaces these bodies.
 * Signatures are the contract other modules compile against.
 */
import type { Message, Schedule, Visitor, Workspace } from './types.js';
import { ok, type Issue, type Result } from './result.js';

/** Result of parsing a list where bad items are reported and good ones kept. */
export interface ParseManyResult<T> {
  /** `true` when every item parsed. */
  readonly ok: boolean;
  /** The items that parsed, in input order. */
  readonly value: readonly T[];
  /** Every issue; paths start with the item's index. */
  readonly issues: readonly Issue[];
}

export function parseMessage(input: unknown): Result<Message> {
  return ok(input as Message);
}
export function parseMessages(input: unknown): ParseManyResult<Message> {
  return { ok: true, value: input as Message[], issues: [] };
}
export function parseVisitor(input: unknown): Result<Visitor> {
  return ok(input as Visitor);
}
export function parseWorkspace(input: unknown): Result<Workspace> {
  return ok(input as Workspace);
}
export function parseSchedule(input: unknown): Result<Schedule> {
  return ok(input as Schedule);
}
