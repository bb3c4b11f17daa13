import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, main } from '../../src/cli/main.ts';
import { runCli } from '../support/aws-cli.ts';

// Every command's synopsis as `--help` prints it: what a user reads before typing the flags.
const SYNOPSES: Record<string, string> = {
  check: 'check [--routes DIR] [--format text|github]',
  build: 'build [--routes DIR] [--out DIR]',
  test: 'test [--routes DIR] [--min-coverage N] [--coverage rules|branches]',
  explain: 'explain <webhook> key=value ... [--routes DIR] [--now ISO-TIME]',
  diff: 'diff --base GIT-REV [--routes DIR] [--format markdown|json]',
  graph: 'graph <webhook> [--routes DIR] [--format markdown|mermaid]',
  week: 'week <webhook> key=value ... [--routes DIR] [--week DATE] [--format markdown|mermaid|text]',
  serve: 'serve [--routes DIR] [--port N] [--out DIR] [--no-watch]',
  call: "call <url> key=value ... [--send http|json|json-rpc] [--method GET|POST|PUT|DELETE] [--header 'NAME: VALUE' ...] [--rpc-method NAME] [--timeout MS] [--routes DIR]",
  verify:
    'verify --function NAME [--alias live] [--url URL] [--key WEBHOOK=KEY ...] [--region REGION] [--endpoint URL] [--routes DIR] [--build DIR]',
  rollback:
    'rollback --function NAME [--alias live] [--to VERSION] [--region REGION] [--endpoint URL] [--routes DIR]',
  pause: 'pause --function NAME [--region REGION] [--endpoint URL] [--routes DIR]',
  resume:
    'resume --function NAME [--concurrency N] [--region REGION] [--endpoint URL] [--routes DIR]',
  key: 'key [--routes DIR]',
  'generate-types': 'generate-types',
};

const SUMMARIES: Record<string, string> = {
  check: 'validate and analyse all webhooks',
  build: 'compile every webhook and bundle the Lambda artifact into build/',
  test: 'run every *.test.yaml route test',
  explain: 'show the answer for a call and why',
  diff: 'calls answered differently than at a git revision, in words (Markdown or JSON)',
  graph: 'the rules in order and their answers, as a Mermaid flowchart',
  week: 'a week grid (days x hours) of which rule answers a kind of call',
  serve: 'serve the routes locally',
  call: 'send a request exactly as Ringostat would',
  verify: 'run every route test against the deployed function',
  rollback: 'point the alias back at the previous version (mid-canary: drop the canary)',
  pause: 'kill switch: refuse every call (reserved concurrency 0)',
  resume: 'undo pause: serve calls again',
  key: 'generate a random key and its key_sha256',
  'generate-types': 'regenerate src/generated/ from the schema',
};

const usage = (name: string) =>
  `usage: npm run routes -- ${SYNOPSES[name]}\n\n${SUMMARIES[name]}\n`;

describe('routes <command> --help', () => {
  it('has a synopsis here for every command the CLI knows', () => {
    expect(Object.keys(SYNOPSES)).toEqual(COMMAND_NAMES);
  });

  it.each(COMMAND_NAMES.flatMap((name) => [[name, '--help'] as const, [name, '-h'] as const]))(
    'prints the usage of %s for %s and exits 0',
    async (name, help) => {
      expect(await runCli(main, [name, help])).toEqual({
        code: 0,
        stdout: usage(name),
        stderr: '',
      });
    },
  );

  it.each(COMMAND_NAMES)('lists exactly the flags %s accepts', async (name) => {
    const listed = [...SYNOPSES[name]!.matchAll(/--([a-z-]+)/g)].map((m) => m[1]).sort();
    const { code, stderr } = await runCli(main, [name, '--zz-unknown', 'x']);
    const known = /\(known: (.*)\)\n$/.exec(stderr)?.[1] ?? 'none';
    const accepted = known === '' ? [] : known.split(', ').map((f) => f.replace(/^--/, ''));
    expect([code, accepted.sort()]).toEqual([2, listed]);
  });

  it('prints the usage even after other arguments, before they are parsed', async () => {
    expect(await runCli(main, ['explain', 'sales', 'caller=1', '--routes', '--help'])).toEqual({
      code: 0,
      stdout: usage('explain'),
      stderr: '',
    });
  });

  it('prints the same usage for `routes help <command>`', async () => {
    expect(await runCli(main, ['help', 'diff'])).toEqual({
      code: 0,
      stdout: usage('diff'),
      stderr: '',
    });
  });
});
