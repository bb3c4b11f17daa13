import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as diff } from '../../src/cli/diff.ts';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
import { createGitRepo, type GitRepo } from '../support/git-repo.ts';

let repo: GitRepo;
let routes: string;

beforeAll(() => {
  repo = createGitRepo('cli-diff-');
  routes = join(repo.dir, 'routes');
  cpSync(EXAMPLE_ROUTES, routes, { recursive: true });
  repo.commit('base', '2026-11-30T12:00:00Z');
  const file = join(routes, 'sales.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('sat: "10:00-14:00"', 'sat: "10:00-15:00"'),
  );
});
afterAll(() => repo.remove());

describe('routes diff', () => {
  it('prints the classes in words, with before and after week grids, as Markdown', async () => {
    const out = await runCli(diff, ['--base', 'HEAD', '--routes', routes]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      '**1 webhook changed**: `sales`; 7 classes of calls change their answer.',
    );
    expect(out.stdout).toContain(
      '- Sat 14:00-15:00, caller 38044*: schema 26076 (default) → to 380441111111,380441111112 (rule "kyiv-office-hours")',
    );
    expect(out.stdout).toContain('<details><summary>Week of 2026-11-23, before and after');
  });

  it('prints every class and edit as JSON with --format json', async () => {
    const out = await runCli(diff, ['--base', 'HEAD', '--routes', routes, '--format', 'json']);
    const json = JSON.parse(out.stdout);
    const sales = json.webhooks.find((w: { webhook: string }) => w.webhook === 'sales');
    expect([json.base, sales.status, sales.classes.length, sales.edits.data]).toEqual([
      'HEAD',
      'changed',
      7,
      [{ what: 'hours office', note: 'opening hours changed' }],
    ]);
  });

  it('refuses an unknown format with exit 2', async () => {
    const out = await runCli(main, [
      'diff',
      '--base',
      'HEAD',
      '--routes',
      routes,
      '--format',
      'xml',
    ]);
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: 'routes diff: --format must be markdown or json, got "xml"\n',
    });
  });
});
