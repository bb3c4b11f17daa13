// Runs bench workers in fresh Node 24 processes (the Lambda runtime's major), so each figure gets
// a clean heap and JIT, and reads back the one JSON line each worker prints last.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The Node 24 binary installed as a dev dependency (`node` package). */
export const NODE24 = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));

/** Runs `bench/<script>` under Node 24 with tsx and answers the JSON of its last stdout line. */
export async function runWorker<T>(
  script: string,
  args: string[],
  nodeArgs: string[] = [],
): Promise<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const { code, stdout, stderr } = await run(NODE24, [
    ...nodeArgs,
    '--import',
    'tsx',
    path,
    ...args,
  ]);
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited ${code}:\n${stderr}`);
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/** Runs a process to completion, collecting its output. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
