import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { compileAtRevision, diffRoutes, GitRevisionError } from '../../src/review/diff.ts';
import { createGitRepo } from '../support/git-repo.ts';

let root: string;
let outside: string;

// A repository of its own, outside this one, with the routes one level down (`config/routes`).
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'routes-diff-elsewhere-'));
  const repo = join(root, 'repo');
  const git = createGitRepo('', repo);
  cpSync('test/fixtures/routes', join(repo, 'config', 'routes'), { recursive: true });
  git.commit('base', '2026-11-30T12:00:00Z');
  const sales = join(repo, 'config', 'routes', 'sales.yaml');
  writeFileSync(sales, readFileSync(sales, 'utf8').replace('"380441111199"', '"380441111198"'));
  symlinkSync(repo, join(root, 'link'));
  outside = join(root, 'no-repo');
  mkdirSync(outside);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function inDir<T>(cwd: string, f: () => T): T {
  const saved = process.cwd();
  process.chdir(cwd);
  try {
    return f();
  } finally {
    process.chdir(saved);
  }
}

describe('compileAtRevision', () => {
  it.each([
    ['from another git work tree', () => process.cwd(), 'repo'],
    ['from a directory in no git repository', () => outside, 'repo'],
    ['through a symlink to the repository', () => process.cwd(), 'link'],
  ])('reads a --routes directory in its own repository %s', (_how, cwd, via) => {
    const routesDir = join(root, via, 'config', 'routes');
    const diffs = inDir(cwd(), () =>
      diffRoutes(compileAtRevision(routesDir, 'HEAD'), compileAll(routesDir)),
    );
    const sales = diffs.find((d) => d.webhook === 'sales')!;
    expect(sales.classes.map((c) => [c.before, c.after])).toEqual([
      ['to 380441111199 (rule "vip")', 'to 380441111198 (rule "vip")'],
    ]);
  });

  it('says which directory it cannot read when --routes does not exist', () => {
    expect(() => compileAtRevision(join(root, 'missing'), 'HEAD')).toThrow(
      new GitRevisionError(`cannot read ${join(root, 'missing')}: no such directory`),
    );
  });
});
