#!/usr/bin/env node
// The `routes` command: `npm run routes -- <command> [options]`. One file per subcommand; each
// exports `run(argv)` resolving to the exit code. Commands load lazily so `routes call` does not
// pay for ajv or esbuild.
import { UsageError } from './args.ts';

/** A subcommand: its one-line summary, its synopsis (flags after the name) and its module. */
type Command = {
  summary: string;
  synopsis: string;
  load: () => Promise<{ run(argv: string[]): Promise<number> }>;
};

const ROUTES = '[--routes DIR]';
const AWS = '[--region REGION] [--endpoint URL]';

const commands: Record<string, Command> = {
  check: {
    summary: 'validate and analyse all webhooks',
    synopsis: `${ROUTES} [--format text|github]`,
    load: () => import('./check.ts'),
  },
  build: {
    summary: 'compile every webhook and bundle the Lambda artifact into build/',
    synopsis: `${ROUTES} [--out DIR]`,
    load: () => import('./build.ts'),
  },
  test: {
    summary: 'run every *.test.yaml route test',
    synopsis: `${ROUTES} [--min-coverage N] [--coverage rules|branches]`,
    load: () => import('./test.ts'),
  },
  explain: {
    summary: 'show the answer for a call and why',
    synopsis: `<webhook> key=value ... ${ROUTES} [--now ISO-TIME]`,
    load: () => import('./explain.ts'),
  },
  diff: {
    summary: 'calls answered differently than at a git revision, in words (Markdown or JSON)',
    synopsis: `--base GIT-REV ${ROUTES} [--format markdown|json]`,
    load: () => import('./diff.ts'),
  },
  graph: {
    summary: 'the rules in order and their answers, as a Mermaid flowchart',
    synopsis: `<webhook> ${ROUTES} [--format markdown|mermaid]`,
    load: () => import('./graph.ts'),
  },
  week: {
    summary: 'a week grid (days x hours) of which rule answers a kind of call',
    synopsis: `<webhook> key=value ... ${ROUTES} [--week DATE] [--format markdown|mermaid|text]`,
    load: () => import('./week.ts'),
  },
  serve: {
    summary: 'serve the routes locally',
    synopsis: `${ROUTES} [--port N] [--out DIR] [--no-watch]`,
    load: () => import('./serve.ts'),
  },
  call: {
    summary: 'send a request exactly as Ringostat would',
    synopsis: `<url> key=value ... [--send http|json|json-rpc] [--method GET|POST|PUT|DELETE] [--header 'NAME: VALUE' ...] [--rpc-method NAME] [--timeout MS] ${ROUTES}`,
    load: () => import('./call.ts'),
  },
  verify: {
    summary: 'run every route test against the deployed function',
    synopsis: `--function NAME [--alias live] [--url URL] [--key WEBHOOK=KEY ...] ${AWS} ${ROUTES} [--build DIR]`,
    load: () => import('./verify.ts'),
  },
  rollback: {
    summary: 'point the alias back at the previous version (mid-canary: drop the canary)',
    synopsis: `--function NAME [--alias live] [--to VERSION] ${AWS} ${ROUTES}`,
    load: () => import('./rollback.ts'),
  },
  pause: {
    summary: 'kill switch: refuse every call (reserved concurrency 0)',
    synopsis: `--function NAME ${AWS} ${ROUTES}`,
    load: () => import('./pause.ts'),
  },
  resume: {
    summary: 'undo pause: serve calls again',
    synopsis: `--function NAME [--concurrency N] ${AWS} ${ROUTES}`,
    load: () => import('./resume.ts'),
  },
  key: {
    summary: 'generate a random key and its key_sha256',
    synopsis: ROUTES,
    load: () => import('./key.ts'),
  },
  'generate-types': {
    summary: 'regenerate src/generated/ from the schema',
    synopsis: '',
    load: () => import('./generate-types.ts'),
  },
};

/** Every subcommand's name, in the order `routes --help` lists them. */
export const COMMAND_NAMES = Object.keys(commands);

/** Runs the CLI and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const topic = name === 'help' && rest[0] !== undefined ? commands[rest[0]] : undefined;
  if (topic) {
    process.stdout.write(commandUsage(rest[0]!, topic));
    return 0;
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`routes: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (asksForHelp(rest)) {
    process.stdout.write(commandUsage(name, command));
    return 0;
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

/** `--help` or `-h` anywhere: checked before the command parses its flags, so it always wins. */
function asksForHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

function commandUsage(name: string, command: Command): string {
  const synopsis = command.synopsis === '' ? '' : ` ${command.synopsis}`;
  return `usage: npm run routes -- ${name}${synopsis}\n\n${command.summary}\n`;
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `usage: npm run routes -- <command> [--routes DIR] [options]\n\ncommands:\n${lines.join('\n')}\n\n\`<command> --help\` prints a command's options.\n`;
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
