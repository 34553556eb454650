import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGE_SCHEMA_PATH, messageJsonSchemaText } from '../../scripts/json-schema.js';

describe('docs/message.schema.json', () => {
  it('equals what scripts/json-schema.ts generates from the zod schema (run it to update)', () => {
    expect(readFileSync(MESSAGE_SCHEMA_PATH, 'utf8')).toBe(messageJsonSchemaText());
  });

  it('describes the wire format: strict objects, required fields, recursive conditions', () => {
    const schema = JSON.parse(messageJsonSchemaText()) as {
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, unknown>;
      $defs: Record<string, unknown>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'name', 'status', 'response', 'conditions', 'createdAt', 'updatedAt']),
    );
    expect(schema.required).not.toContain('tags'); // defaulted fields are optional on input
    expect(Object.keys(schema.$defs)).toContain('ConditionNode');
    expect(schema.properties.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
  });
});
