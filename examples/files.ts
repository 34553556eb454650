/**
 * The JSON files of `examples/`, as they must read: each one is a value of
 * `proactive-messaging/examples` (`src/examples/`), written with `JSON.stringify(value, null, 2)`.
 * `src/examples/` is the source; `npx tsx examples/write-json.ts` rewrites the files from it, and
 * `test/docs/examples.test.ts` fails when they differ.
 */
import { messages, visitors, workspace, type ExampleVisitors } from '../src/examples/index.js';

/** The file name of each example visitor. */
export const VISITOR_FILES: Readonly<Record<keyof ExampleVisitors, string>> = {
  newOnPricing: 'examples/visitors/new-on-pricing.json',
  returningGerman: 'examples/visitors/returning-german.json',
  mobileApp: 'examples/visitors/mobile-app.json',
  cartShopper: 'examples/visitors/cart-shopper.json',
  inConversation: 'examples/visitors/in-conversation.json',
};

/** Every example file (path relative to the repository root) with its exact text. */
export function exampleFiles(): ReadonlyMap<string, string> {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const files = new Map<string, string>([
    ['examples/messages.json', json(messages)],
    ['examples/workspace.json', json(workspace)],
  ]);
  for (const [name, path] of Object.entries(VISITOR_FILES)) files.set(path, json(visitors[name as keyof ExampleVisitors]));
  return files;
}
