import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInfo } from '../../../src/compiler/emit/build-info.ts';
import { EXAMPLE_ROUTES } from '../../support/example-routes.ts';
import { createGitRepo, type GitRepo } from '../../support/git-repo.ts';

// A project laid out like this repository (routes/, src/, docs/, package-lock.json) in its own
// git repository. SOURCE_DATE_EPOCH is blanked so the environment cannot pin the time.
let repo: GitRepo;
let routes: string;
let first: string;
const NO_EPOCH = { sourceDateEpoch: '', now: () => Date.parse('2030-01-01T00:00:00Z') };
const FIRST = { builtAt: '2026-11-01T10:00:00.000Z', dirty: false };

function info(options = {}) {
  return buildInfo(routes, { projectRoot: repo.dir, ...NO_EPOCH, ...options });
}

beforeAll(() => {
  repo = createGitRepo('build-info-');
  routes = join(repo.dir, 'routes');
  cpSync(EXAMPLE_ROUTES, routes, { recursive: true });
  mkdirSync(join(repo.dir, 'src'));
  mkdirSync(join(repo.dir, 'docs'));
  writeFileSync(join(repo.dir, 'src', 'lambda.ts'), 'export {};\n');
  writeFileSync(join(repo.dir, 'docs', 'deploy.md'), '# Deploy\n');
  writeFileSync(join(repo.dir, 'package-lock.json'), '{}\n');
  first = repo.commit('first', '2026-11-01T10:00:00Z');
});
afterAll(() => repo.remove());

describe('buildInfo', () => {
  it('names the last commit that touched the build inputs, at its committer date', () => {
    expect(info()).toEqual({ gitRevision: first, ...FIRST });
  });

  it('stays on that commit after a docs-only commit', () => {
    writeFileSync(join(repo.dir, 'docs', 'deploy.md'), '# Deploy\n\nMore words.\n');
    repo.commit('docs only', '2026-11-02T10:00:00Z');
    expect(info()).toEqual({ gitRevision: first, ...FIRST });
  });

  it('takes the build time from SOURCE_DATE_EPOCH when it is set', () => {
    expect(info({ sourceDateEpoch: '1764547200' }).builtAt).toBe('2025-12-01T00:00:00.000Z');
  });

  it.each([
    ['an edited route', 'routes/sales.yaml', '# edited\n'],
    ['a new, untracked webhook', 'routes/landing.yaml', 'default: { schema: 1 }\n'],
    ['edited handler code', 'src/lambda.ts', 'export const x = 1;\n'],
    ['an edited lockfile', 'package-lock.json', '{"lockfileVersion":3}\n'],
  ])('flags %s as dirty, keeping the committed revision', (_, file, text) => {
    writeFileSync(join(repo.dir, file), text);
    try {
      expect(info()).toEqual({ gitRevision: first, ...FIRST, dirty: true });
    } finally {
      repo.git(['checkout', '-q', '--', '.']);
      repo.git(['clean', '-qfd']);
    }
  });

  it('does not flag uncommitted docs as dirty', () => {
    writeFileSync(join(repo.dir, 'docs', 'deploy.md'), '# Draft\n');
    try {
      expect(info().dirty).toBe(false);
    } finally {
      repo.git(['checkout', '-q', '--', '.']);
    }
  });

  it('moves to a commit that changes the handler code', () => {
    writeFileSync(join(repo.dir, 'src', 'lambda.ts'), 'export const version = 2;\n');
    const code = repo.commit('code', '2026-11-03T10:00:00Z');
    expect(info()).toEqual({
      gitRevision: code,
      builtAt: '2026-11-03T10:00:00.000Z',
      dirty: false,
    });
  });

  it('counts only the routes when the project lives outside their repository', () => {
    expect(info({ projectRoot: tmpdir() })).toEqual({ gitRevision: first, ...FIRST });
  });

  it('flags routes outside any git repository as dirty, with no revision and the clock', () => {
    const loose = mkdtempSync(join(tmpdir(), 'build-info-loose-'));
    try {
      expect(buildInfo(loose, NO_EPOCH)).toEqual({
        gitRevision: null,
        builtAt: '2030-01-01T00:00:00.000Z',
        dirty: true,
      });
    } finally {
      rmSync(loose, { recursive: true, force: true });
    }
  });
});
