/**
 * The `proactive-messaging` executable: wires the real stdout, stderr, file system and clock
 * into `run`. The only place in the package that reads the clock, the environment or files.
 * @module
 */
import { readFileSync } from 'node:fs';
import { run } from './run.js';

function readVersion(): string {
  // Two levels up from both src/cli/main.ts and dist/cli/main.js.
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
  now: () => Date.now(),
  version: readVersion(),
});
