/**
 * The parsers run on the zod schemas of `schema/` instead of the hand-written checks: the
 * oracle of the differential test (`test/model/differential.test.ts`). Same pipeline (safety
 * pass, condition tree, status fields), zod in the shape step. Not part of the public API and
 * not shipped (zod is a dev dependency).
 * @module
 */
import * as z from 'zod/mini';
import type { Check } from './check.js';
import { parseDocumentWith, parseMessageListWith, parseMessageWith, type ParseManyResult } from './parse.js';
import type { Result } from './result.js';
import { messageSchema } from './schema/message.js';
import { scheduleSchema } from './schema/schedule.js';
import { visitorSchema } from './schema/visitor.js';
import { workspaceSchema } from './schema/workspace.js';
import type { Message, Schedule, Visitor, Workspace } from './types.js';
import { mapZodIssue } from './zod-issues.js';

// The schemas' outputs must be assignable to the domain types (checked at compile time).
type Assignable<Target, Source extends Target> = Source;
type _MessageFits = Assignable<Message, z.output<typeof messageSchema>>;
type _VisitorFits = Assignable<Visitor, z.output<typeof visitorSchema>>;
type _WorkspaceFits = Assignable<Workspace, z.output<typeof workspaceSchema>>;
type _ScheduleFits = Assignable<Schedule, z.output<typeof scheduleSchema>>;

/**
 * Per-parse zod options. `jitless` keeps zod off its `new Function` fast path; the global zod
 * config is never touched. `reportInput` lets the issue mapper tell a missing key from a wrong type.
 */
const PARSE_CONTEXT = { reportInput: true, jitless: true } as const;

/** A zod schema as a {@link Check}: its issues mapped to ours. */
function fromSchema<T>(schema: z.ZodMiniType<T>): Check<T> {
  return (input, base, issues) => {
    const parsed = z.safeParse(schema, input, PARSE_CONTEXT);
    if (parsed.success) return parsed.data;
    issues.push(...parsed.error.issues.flatMap((found) => mapZodIssue(found, base)));
    return input as T;
  };
}

const message = fromSchema(messageSchema);
const visitor = fromSchema(visitorSchema);
const workspace = fromSchema(workspaceSchema);
const schedule = fromSchema(scheduleSchema);

/** The five parsers, on the zod schemas. */
export interface ZodParsers {
  readonly parseMessage: (input: unknown) => Result<Message>;
  readonly parseMessages: (input: unknown) => ParseManyResult<Message>;
  readonly parseVisitor: (input: unknown) => Result<Visitor>;
  readonly parseWorkspace: (input: unknown) => Result<Workspace>;
  readonly parseSchedule: (input: unknown) => Result<Schedule>;
}

/**
 * The five parsers on the zod schemas.
 * @example
 * ```ts
 * zodParsers.parseMessage(json); // same result as parseMessage(json)
 * ```
 */
export const zodParsers: ZodParsers = {
  parseMessage: (input) => parseMessageWith(message, input, []),
  parseMessages: (input) => parseMessageListWith(message, input),
  parseVisitor: (input) => parseDocumentWith(visitor, input),
  parseWorkspace: (input) => parseDocumentWith(workspace, input),
  parseSchedule: (input) => parseDocumentWith(schedule, input),
};
