/**
 * Child processes of the bench: `node [flags] --import tsx <script> [args]` from the worktree root,
 * with an IPC channel for results. Used to run each section in a fresh process (process-wide
 * caches of one workload never leak into another's numbers) and for the cold, `--jitless` and
 * memory measurements, which need a process of their own.
 * @module
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ChildResult<T> {
  readonly code: number | null;
  readonly messages: readonly T[];
  /** Captured stderr (only when the output is not inherited). */
  readonly stderr: string;
}

/**
 * Runs `script` (a path relative to the worktree root) in a fresh Node process with `tsx` as the
 * loader, collecting what it sends over IPC. `inherit`: the child prints straight to our output.
 */
export function runChild<T>(script: string, args: readonly string[] = [], o: { readonly nodeFlags?: readonly string[]; readonly inherit?: boolean } = {}): Promise<ChildResult<T>> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [...args], {
      cwd: ROOT,
      execArgv: [...(o.nodeFlags ?? []), '--import', 'tsx'],
      stdio: o.inherit === true ? ['inherit', 'inherit', 'inherit', 'ipc'] : ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const messages: T[] = [];
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('message', (m) => messages.push(m as T));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, messages, stderr }));
  });
}

/** Runs a child and returns its single IPC result, or throws with its stderr. */
export async function childResult<T>(script: string, args: readonly string[] = [], nodeFlags: readonly string[] = []): Promise<T> {
  const r = await runChild<T>(script, args, { nodeFlags });
  const value = r.messages[0];
  if (r.code !== 0 || value === undefined) throw new Error(`${script} ${args.join(' ')} failed (exit ${r.code}):\n${r.stderr}`);
  return value;
}

/** In a child: sends the result to the parent (or prints it when run by hand) and lets the process end. */
export function sendResult(value: unknown): void {
  if (process.send === undefined) {
    console.log(JSON.stringify(value, null, 2));
    return;
  }
  process.send(value, () => process.disconnect());
}
