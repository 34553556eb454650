/**
 * The parsers built on the zod schemas of `schema/` instead of the hand-written checks: the
 * oracle of the differential test (`test/model/differential.test.ts`). Not part of the public
 * API and not imported by anything shipped to a browser.
 * @module
 */
import * as z from 'zod/mini';
import { createParsers, finish, type Parsers, type ShapeValidator } from './parse.js';
import type { Issue } from './result.js';
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

function fromSchema<T>(schema: z.ZodMiniType<T>): ShapeValidator<T> {
  return (input, base, extra) => {
    const parsed = z.safeParse(schema, input, PARSE_CONTEXT);
    const issues: Issue[] = parsed.success ? [] : parsed.error.issues.flatMap((found) => mapZodIssue(found, base));
    return finish(parsed.success ? parsed.data : (input as T), issues, extra);
  };
}

/**
 * The five parsers on the zod schemas.
 * @example
 * ```ts
 * zodParsers.parseMessage(json); // same result as parseMessage(json)
 * ```
 */
export const zodParsers: Parsers = createParsers({
  message: fromSchema(messageSchema),
  visitor: fromSchema(visitorSchema),
  workspace: fromSchema(workspaceSchema),
  schedule: fromSchema(scheduleSchema),
});
