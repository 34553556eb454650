/**
 * `proactive-messaging/examples` is what every guide runs against: its values are valid as they
 * are (nothing to fill in), deep-frozen, and equal, byte for byte, to the files of `examples/`
 * that the command-line tool and `npm run demo` read.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessages, parseSchedule, parseVisitor, parseWorkspace } from '../../src/index.js';
import * as examples from '../../src/examples/index.js';
import { exampleFiles, VISITOR_FILES } from '../../examples/files.js';

const root = resolve(import.meta.dirname, '../..');

describe('proactive-messaging/examples', () => {
  it('exports the example account and nothing else', () => {
    expect(Object.keys(examples).sort()).toEqual(['draft', 'message', 'messages', 'now', 'shopHours', 'visitor', 'visitors', 'workspace']);
  });

  it.each([...exampleFiles()])('%s is the module\'s value, byte for byte (regenerate: npx tsx examples/write-json.ts)', (path, text) => {
    expect(readFileSync(join(root, path), 'utf8')).toBe(text);
  });

  it('has a file for every example visitor', () => {
    expect(Object.keys(VISITOR_FILES).sort()).toEqual(Object.keys(examples.visitors).sort());
  });

  it('needs no default filled in: the parsers return the very objects', () => {
    const parsed = parseMessages(examples.messages);
    expect(parsed.issues).toEqual([]);
    parsed.value.forEach((message, i) => expect(message).toBe(examples.messages[i]));
    const workspace = parseWorkspace(examples.workspace);
    expect(workspace.ok && workspace.value).toBe(examples.workspace);
    for (const visitor of Object.values(examples.visitors)) {
      const result = parseVisitor(visitor);
      expect(result.ok && result.value).toBe(visitor);
    }
    const schedule = parseSchedule(examples.shopHours);
    expect(schedule.ok && schedule.value).toBe(examples.shopHours);
  });

  it('names the values the guides use', () => {
    expect(examples.message.id).toBe('msg_pricing_help');
    expect(examples.draft.id).toBe('starter_welcome');
    expect(examples.visitor).toBe(examples.visitors.newOnPricing);
    expect(new Date(examples.now).toISOString()).toBe('2026-11-23T10:00:30.000Z');
    // The three live messages with business hours share the one schedule object.
    const shared = examples.messages.filter((m) => m.sendWindow.type !== 'anytime' && m.sendWindow.schedule === examples.shopHours);
    expect(shared.map((m) => m.id)).toEqual(['msg_pricing_help', 'msg_cart_free_shipping', 'msg_de_after_hours']);
  });

  it('is deep-frozen, so no sample can change what the next one sees', () => {
    expect(Object.isFrozen(examples.messages)).toBe(true);
    expect(Object.isFrozen(examples.message.response)).toBe(true);
    expect(Object.isFrozen(examples.workspace.aiAgents[1]?.answers)).toBe(true);
    expect(Object.isFrozen(examples.visitors.cartShopper.deliveries[0])).toBe(true);
    expect(Object.isFrozen(examples.shopHours.weekly[0])).toBe(true);
  });
});
