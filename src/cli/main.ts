#!/usr/bin/env node
// The `routes` command: `npm run routes -- <command> [options]`. One file per subcommand; each
// exports `run(argv)` resolving to the exit code. Commands load lazily so `routes call` does not
// pay for ajv or esbuild.
import { UsageError } from './args.ts';

type Command = { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  check: { summary: 'validate and analyse all webhooks', load: () => import('./check.ts') },
  build: {
    summary: 'compile every webhook and bundle the Lambda artifact into build/',
    load: () => import('./build.ts'),
  },
  test: { summary: 'run every *.test.yaml route test', load: () => import('./test.ts') },
  explain: { summary: 'show the answer for a call and why', load: () => import('./explain.ts') },
  diff: {
    summary: 'calls answered differently than at a git revision (Markdown)',
    load: () => import('./diff.ts'),
  },
  serve: { summary: 'serve the routes locally', load: () => import('./serve.ts') },
  call: { summary: 'send a request exactly as Ringostat would', load: () => import('./call.ts') },
  verify: {
    summary: 'run every route test against the deployed function',
    load: () => import('./verify.ts'),
  },
  rollback: {
    summary: 'point the alias back at the previous version (mid-canary: drop the canary)',
    load: () => import('./rollback.ts'),
  },
  pause: {
    summary: 'kill switch: refuse every call (reserved concurrency 0)',
    load: () => import('./pause.ts'),
  },
  resume: { summary: 'undo pause: serve calls again', load: () => import('./resume.ts') },
  key: { summary: 'generate a random key and its key_sha256', load: () => import('./key.ts') },
  'generate-types': {
    summary: 'regenerate src/generated/ from the schema',
    load: () => import('./generate-types.ts'),
  },
};

/** Runs the CLI and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`routes: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`routes ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `usage: npm run routes -- <command> [--routes DIR] [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `routes: internal error: ${err instanceof Error ? err.stack : String(err)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
