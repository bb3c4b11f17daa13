import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { compileAtRevision, diffRoutes } from '../../src/review/diff.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';

const now = Date.parse('2026-11-24T08:00:00Z');
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'routes-diff-'));
  cpSync(EXAMPLE_ROUTES, join(repo, 'routes'), { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function edit(file: string, from: string, to: string): void {
  const path = join(repo, 'routes', file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function diffAgainstHead() {
  const cwd = process.cwd();
  process.chdir(repo);
  try {
    return diffRoutes(compileAtRevision('routes', 'HEAD'), compileAll('routes'), now);
  } finally {
    process.chdir(cwd);
  }
}

describe('diffRoutes', () => {
  it('finds no change when the routes are as committed', () => {
    const diffs = diffAgainstHead();
    expect(diffs.map((d) => [d.webhook, d.status])).toEqual([
      ['sales', 'unchanged'],
      ['support', 'unchanged'],
    ]);
    expect(diffs[0]!.probes).toBeGreaterThan(100);
  });

  it('reports a changed destination with the rule that gives it', () => {
    edit('sales.yaml', 'route: { to: ["380441111199"] }', 'route: { to: ["380441111198"] }');
    const sales = diffAgainstHead().find((d) => d.webhook === 'sales')!;
    expect(sales.status).toBe('changed');
    expect(sales.changes[0]).toMatchObject({
      before: 'to 380441111199 (rule "vip")',
      after: 'to 380441111198 (rule "vip")',
    });
    git('checkout', '-q', '--', 'routes');
  });

  it('finds calls that a schedule change moves, at the new boundary', () => {
    edit('sales.yaml', 'sat: "10:00-14:00"', 'sat: "10:00-15:00"');
    const sales = diffAgainstHead().find((d) => d.webhook === 'sales')!;
    const moved = sales.changes.find((c) => c.after.includes('kyiv-office-hours'));
    expect(moved?.before).toBe('schema 26076 (default)');
    expect(moved?.examples[0]?.date).toMatch(/^2026-11-28 14:/);
    git('checkout', '-q', '--', 'routes');
  });

  it('finds a changed row of a caller table', () => {
    edit('lists/managers.csv', '380509876543,380441111121', '380509876543,380441111124');
    const sales = diffAgainstHead().find((d) => d.webhook === 'sales')!;
    expect(sales.changes.map((c) => [c.before, c.after])).toContainEqual([
      'to 380441111121 (rule "personal-manager")',
      'to 380441111124 (rule "personal-manager")',
    ]);
    git('checkout', '-q', '--', 'routes');
  });

  it('lists added webhooks and rules', () => {
    writeFileSync(join(repo, 'routes', 'ads.yaml'), 'default: { schema: 5 }\n');
    edit(
      'support.yaml',
      'rules:\n',
      'rules:\n  - id: vip-line\n    when: { caller: "380671112233" }\n    route: { schema: 7 }\n',
    );
    const diffs = diffAgainstHead();
    expect(diffs.find((d) => d.webhook === 'ads')?.status).toBe('added');
    const support = diffs.find((d) => d.webhook === 'support')!;
    expect(support.rules).toEqual({ added: ['vip-line'], removed: [] });
    expect(support.changes.some((c) => c.after === 'schema 7 (rule "vip-line")')).toBe(true);
    rmSync(join(repo, 'routes', 'ads.yaml'));
    git('checkout', '-q', '--', 'routes');
  });
});
