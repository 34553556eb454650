/**
 * Regenerates `docs/message.schema.json`, the JSON Schema (draft 2020-12) of the message wire
 * format, from the zod schema. Run: `npx tsx scripts/json-schema.ts`.
 * `test/model/json-schema.test.ts` fails when the checked-in file is out of date.
 *
 * The generator stays here, out of `src/`, so widget bundles never include zod's JSON Schema code.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { OPENING_TIME_PATTERN, WALL_TIME_PATTERN } from '../src/core/instants.js';
import { conditionNodeShapeSchema, localDateSchema, messageShapeSchema, openingTimeSchema, timestampSchema, wallTimeSchema } from '../src/schema/index.js';

/** Where the generated schema is checked in. */
export const MESSAGE_SCHEMA_PATH = fileURLToPath(new URL('../docs/message.schema.json', import.meta.url));

/** The message JSON Schema as the text of `docs/message.schema.json` (2-space indent, final newline). */
export function messageJsonSchemaText(): string {
  const metadata = z.registry<{ id?: string; description?: string; format?: string; pattern?: string }>();
  // Checked by our own functions at run time; JSON Schema gets the standard formats.
  metadata.add(timestampSchema, { format: 'date-time' });
  metadata.add(localDateSchema, { format: 'date' });
  metadata.add(wallTimeSchema, { pattern: WALL_TIME_PATTERN });
  metadata.add(openingTimeSchema, { pattern: OPENING_TIME_PATTERN });
  metadata.add(conditionNodeShapeSchema, {
    id: 'ConditionNode',
    description: 'A condition tree in json-rules-engine shape: { all }, { any }, { not } or a leaf { fact, operator, value }.',
  });
  // At run time the tree is walked iteratively; here it is described by the recursive schema.
  const generated = z.toJSONSchema(messageShapeSchema, { io: 'input', target: 'draft-2020-12', metadata, unrepresentable: 'any' });
  const { $schema, ...rest } = generated;
  const document = {
    $schema,
    $id: 'urn:proactive-messaging:schema:message',
    title: 'Proactive message',
    description:
      'Wire format of one proactive message, generated from the zod schemas of proactive-messaging/schema by scripts/json-schema.ts. ' +
      'Rules JSON Schema cannot express (no emoji in agent text, tag normalisation, status-dependent fields, ' +
      'condition-tree limits and nesting rule, valid IANA time zone, holiday start <= end, activeUntil after activeFrom) are listed in docs/parsing.md.',
    ...rest,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(MESSAGE_SCHEMA_PATH, messageJsonSchemaText());
  console.log(`wrote ${MESSAGE_SCHEMA_PATH}`);
}
