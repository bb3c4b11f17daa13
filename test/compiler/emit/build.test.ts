import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashDirectory } from '../../../infra/artifact.ts';
import { buildAll, SCHEMA_VERSION } from '../../../src/compiler/emit/build.ts';
import { buildInfo } from '../../../src/compiler/emit/build-info.ts';
import { tableFiles } from '../../../src/compiler/emit/emit-table.ts';
import { compileAll } from '../../../src/compiler/pipeline.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';
import { RuleLines } from '../../../src/router/rule-lines.ts';
import type { Manifest } from '../../../src/router/types.ts';
import { EXAMPLE_ROUTES } from '../../support/example-routes.ts';
import { createGitRepo, type GitRepo } from '../../support/git-repo.ts';

const EPOCH = '1764547200'; // 2025-12-01T00:00:00Z
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'build-test-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Every file under `dir` (relative path -> bytes, as hex), for byte-for-byte comparisons. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) =>
    e.isFile(),
  );
  const out: Record<string, string> = {};
  for (const e of files) {
    const path = join(e.parentPath, e.name);
    out[path.slice(dir.length + 1)] = readFileSync(path).toString('hex');
  }
  return out;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The manifest's origin fields for a build of `routesDir` (test/compiler/emit/build-info.test.ts pins them). */
function originOf(routesDir: string) {
  const { gitRevision, dirty } = buildInfo(routesDir);
  return { gitRevision, dirty };
}

async function build(routesDir: string, out: string) {
  vi.stubEnv('SOURCE_DATE_EPOCH', EPOCH);
  try {
    return await buildAll({ routesDir, outDir: join(tmp, out) });
  } finally {
    vi.unstubAllEnvs();
  }
}

describe('buildAll', () => {
  it('writes lambda/ with index.mjs, manifest.json and per webhook a table, its rules and its key files', async () => {
    const result = await build(EXAMPLE_ROUTES, 'first');
    expect(result).toMatchObject({ ok: true, problems: [], dir: join(tmp, 'first', 'lambda') });
    const compiled = compileAll(EXAMPLE_ROUTES);
    const tables = compiled.webhooks.flatMap((w) => [
      `${w.name}.json`,
      `${w.name}.rules`,
      ...w.files.keys(),
    ]);
    const expected = ['index.mjs', 'manifest.json', ...tables.map((t) => `tables/${t}`)];
    expect(Object.keys(snapshot(result.dir!)).sort()).toEqual(expected.sort());
    expect(readdirSync(join(tmp, 'first')).sort()).toEqual(['lambda', 'meta.json']);
    expect(readFileSync(join(result.dir!, 'index.mjs'), 'utf8')).toMatch(/export\s*\{/);
  });

  it('writes the manifest it returns, with every field', async () => {
    const result = await build(EXAMPLE_ROUTES, 'manifest');
    const onDisk = JSON.parse(readFileSync(join(result.dir!, 'manifest.json'), 'utf8')) as Manifest;
    expect(onDisk).toEqual(result.manifest);
    const compiled = compileAll(EXAMPLE_ROUTES);
    const webhooks = Object.fromEntries(
      compiled.webhooks.map((w) => [
        w.name,
        { rules: w.table.rules.length, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]),
    );
    expect(onDisk).toEqual({
      tableHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      sourceHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      ...originOf(EXAMPLE_ROUTES),
      builtAt: '2025-12-01T00:00:00.000Z',
      schemaVersion: SCHEMA_VERSION,
      webhooks,
    });
  });

  it('hashes each table with its rules and key files, and the tables together by name', async () => {
    const result = await build(EXAMPLE_ROUTES, 'hashes');
    const m = result.manifest!;
    const names = Object.keys(m.webhooks).sort();
    const files = snapshot(result.dir!);
    for (const name of names) {
      const hash = createHash('sha256').update(
        readFileSync(join(result.dir!, 'tables', `${name}.json`)),
      );
      const keys = Object.keys(files)
        .filter((f) => f.startsWith(`tables/${name}.`) && /\.(keys|rules)$/.test(f))
        .sort();
      for (const f of keys) hash.update(`\0${f.slice(7)}\0`).update(Buffer.from(files[f]!, 'hex'));
      expect(m.webhooks[name]!.hash).toBe(hash.digest('hex'));
    }
    expect(m.tableHash).toBe(sha256(names.map((n) => `${n}:${m.webhooks[n]!.hash}\n`).join('')));
  });

  it('hashes every source file read, by its path inside the routes directory', async () => {
    const result = await build(EXAMPLE_ROUTES, 'sources');
    const sources = ['lists/managers.csv', 'lists/vip.txt', 'sales.yaml', 'support.yaml'];
    const text = sources
      .map((p) => `${p}\0${readFileSync(join(EXAMPLE_ROUTES, p), 'utf8')}\0`)
      .join('');
    expect(result.manifest!.sourceHash).toBe(sha256(text));
  });

  it('builds byte-identical artifacts from identical sources in different directories', async () => {
    // Both outside git, so neither manifest names a revision the other lacks.
    const [first, copy] = [join(tmp, 'routes-first'), join(tmp, 'routes-copy')];
    cpSync(EXAMPLE_ROUTES, first, { recursive: true });
    cpSync(EXAMPLE_ROUTES, copy, { recursive: true });
    const a = await build(first, 'same-a');
    const b = await build(copy, 'same-b');
    expect(b.manifest!.tableHash).toBe(a.manifest!.tableHash);
    expect(b.manifest!.sourceHash).toBe(a.manifest!.sourceHash);
    const tablesA = snapshot(join(a.dir!, 'tables'));
    expect(Object.keys(tablesA).length).toBeGreaterThan(0);
    expect(snapshot(join(b.dir!, 'tables'))).toEqual(tablesA);
    expect(snapshot(b.dir!)).toEqual(snapshot(a.dir!));
  });

  it('changes the hashes when a source changes', async () => {
    const copy = join(tmp, 'routes-changed');
    cpSync(EXAMPLE_ROUTES, copy, { recursive: true });
    const sales = join(copy, 'sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('380441111199', '380441111198'));
    const a = await build(EXAMPLE_ROUTES, 'change-a');
    const b = await build(copy, 'change-b');
    expect(b.manifest!.sourceHash).not.toBe(a.manifest!.sourceHash);
    expect(b.manifest!.tableHash).not.toBe(a.manifest!.tableHash);
    expect(b.manifest!.webhooks.support).toEqual(a.manifest!.webhooks.support);
  });

  it('leaves the previous artifact untouched when the build fails', async () => {
    const good = await build(EXAMPLE_ROUTES, 'kept');
    const before = snapshot(join(tmp, 'kept'));
    const broken = 'test/fixtures/broken/unknown-list';
    const failed = await build(broken, 'kept');
    expect(failed).toEqual({ ok: false, problems: compileAll(broken).problems });
    expect(failed.problems.map(formatProblem)).toEqual([
      `${broken}/sales.yaml:9:27: rule "vip": unknown list "vips" (lists defined: vip, blocked)`,
    ]);
    expect(snapshot(join(tmp, 'kept'))).toEqual(before);
    expect(readdirSync(join(tmp, 'kept')).sort()).toEqual(['lambda', 'meta.json']);
    expect(good.ok).toBe(true);
  });

  it('replaces the previous artifact on a successful rebuild without leaving staging directories', async () => {
    const other = await build('test/fixtures/broken/ok-leading-zero-caller', 'rebuilt');
    const result = await build(EXAMPLE_ROUTES, 'rebuilt');
    const fresh = await build(EXAMPLE_ROUTES, 'fresh');
    expect(result.manifest!.tableHash).not.toBe(other.manifest!.tableHash);
    expect(readdirSync(join(tmp, 'rebuilt')).sort()).toEqual(['lambda', 'meta.json']);
    expect(snapshot(result.dir!)).toEqual(snapshot(fresh.dir!));
  });
});

describe('buildAll in a git work tree, with no SOURCE_DATE_EPOCH', () => {
  let repo: GitRepo;
  let routesDir: string;
  let commit: string;
  beforeAll(() => {
    repo = createGitRepo('build-git-');
    routesDir = join(repo.dir, 'routes');
    cpSync(EXAMPLE_ROUTES, routesDir, { recursive: true });
    writeFileSync(join(repo.dir, 'README.md'), '# A fork\n');
    commit = repo.commit('routes', '2026-11-20T09:30:00Z');
  });
  afterAll(() => repo.remove());

  async function plainBuild(out: string) {
    vi.stubEnv('SOURCE_DATE_EPOCH', undefined);
    try {
      return await buildAll({ routesDir, outDir: join(tmp, out) });
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it('builds a byte-identical lambda/ twice from one commit, timed by that commit', async () => {
    const a = await plainBuild('commit-a');
    const b = await plainBuild('commit-b');
    expect(a.manifest).toMatchObject({
      gitRevision: commit,
      builtAt: '2026-11-20T09:30:00.000Z',
      dirty: false,
    });
    expect(snapshot(b.dir!)).toEqual(snapshot(a.dir!));
  });

  it('builds the same artifact after a docs-only commit, so no new version deploys', async () => {
    const before = await plainBuild('docs-before');
    writeFileSync(join(repo.dir, 'README.md'), '# A fork\n\nWith more docs.\n');
    repo.commit('docs', '2026-11-21T09:30:00Z');
    const after = await plainBuild('docs-after');
    expect(after.manifest?.gitRevision).toBe(commit);
    expect(hashDirectory(after.dir!)).toBe(hashDirectory(before.dir!));
  });

  it('flags a build from uncommitted route edits as dirty', async () => {
    const sales = join(routesDir, 'sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('380441111199', '380441111198'));
    try {
      expect((await plainBuild('dirty')).manifest).toMatchObject({
        gitRevision: commit,
        dirty: true,
      });
    } finally {
      repo.git(['checkout', '-q', '--', '.']);
    }
  });
});

describe('tableFiles', () => {
  it('writes every compiled rule to the rules file and points the table at that file', () => {
    const sales = compileAll(EXAMPLE_ROUTES).webhooks.find((w) => w.name === 'sales')!;
    const { json, rules } = tableFiles('sales', sales.table);
    const lines = new RuleLines(rules, sales.table.rules.length);
    expect(sales.table.rules.map((_, i) => lines.get(i))).toEqual(sales.table.rules);
    expect(JSON.parse(json).rules).toEqual({
      file: 'sales.rules',
      count: sales.table.rules.length,
    });
  });
});
