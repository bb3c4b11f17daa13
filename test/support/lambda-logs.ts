// Lambda sends a function's console output to CloudWatch, never to the caller. The local API runs
// handlers in-process, so while any invocation is in flight their output is diverted into a log
// array: the CLI's own stdout, which tests assert exactly, stays what a user would see.

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Lines the handlers printed, across every local API in this process, oldest first. */
export const functionLogs: string[] = [];

let inFlight = 0;
let restore: (() => void) | undefined;

/** Runs `fn` with console methods and process stdout/stderr writes collected in functionLogs. */
export async function withFunctionLogs<T>(fn: () => Promise<T>): Promise<T> {
  if (inFlight++ === 0) restore = divert();
  try {
    return await fn();
  } finally {
    if (--inFlight === 0) restore?.();
  }
}

function divert(): () => void {
  const saved = METHODS.map((m) => console[m]);
  const writes = [process.stdout.write, process.stderr.write];
  const collect = (...args: unknown[]) => {
    functionLogs.push(args.map(String).join(' '));
  };
  for (const m of METHODS) console[m] = collect;
  const write = ((chunk: unknown, ...rest: unknown[]) => {
    functionLogs.push(String(chunk).replace(/\n$/, ''));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = write;
  process.stderr.write = write;
  return () => {
    METHODS.forEach((m, i) => {
      console[m] = saved[i]!;
    });
    [process.stdout.write, process.stderr.write] = writes as [typeof write, typeof write];
  };
}
