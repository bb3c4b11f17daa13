import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  type CompiledEntry,
  type CompiledRoutes,
  compileAll,
  loadEntry,
} from '../compiler/pipeline.ts';
import { decide } from '../router/decide.ts';
import { describeOutcome } from './case-check.ts';
import { diffProbes, type Probe } from './diff-probes.ts';

/** One group of probe calls whose answer changed the same way. */
export interface AnswerChange {
  before: string;
  after: string;
  count: number;
  examples: Probe[];
}

/** The behavioural diff of one webhook. */
export interface WebhookDiff {
  webhook: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  probes: number;
  changes: AnswerChange[];
  rules: { added: string[]; removed: string[] };
}

/** Thrown when the base revision's routes cannot be read from git. */
export class GitRevisionError extends Error {
  override name = 'GitRevisionError';
}

/** Compiles `routesDir` as it is at `rev` (read with `git archive`, no checkout). */
export function compileAtRevision(routesDir: string, rev: string): CompiledRoutes {
  const dir = realDir(routesDir);
  // The routes directory's own repository, not the current directory's: `--routes` may point
  // into another work tree. git prints the top with symlinks resolved, hence realDir.
  const top = git(['-C', dir, 'rev-parse', '--show-toplevel'], dir).trim();
  const rel = relative(top, dir) || '.';
  const tmp = mkdtempSync(join(tmpdir(), 'routes-base-'));
  try {
    const archive = spawnSync('git', ['archive', '--format=tar', rev, '--', rel], {
      cwd: top,
      maxBuffer: 1 << 30,
    });
    if (archive.status !== 0) {
      const why = archive.stderr.toString().trim();
      if (!/did not match any files|pathspec/.test(why))
        throw new GitRevisionError(`cannot read ${rel}/ at ${rev}: ${why}`);
      return compileAll(join(tmp, 'none'));
    }
    spawnSync('tar', ['-x', '-C', tmp], { input: archive.stdout });
    return compileAll(join(tmp, rel));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Evaluates probe calls on both versions of every webhook and groups the answers that changed. */
export function diffRoutes(
  before: CompiledRoutes,
  after: CompiledRoutes,
  now: number,
): WebhookDiff[] {
  const names = [...new Set([...before.webhooks, ...after.webhooks].map((w) => w.name))].sort();
  return names.map((name) => {
    const a = before.webhooks.find((w) => w.name === name);
    const b = after.webhooks.find((w) => w.name === name);
    const ids = (e?: CompiledEntry) => new Set(e?.table.rules.map((r) => r.id) ?? []);
    const rules = {
      added: [...ids(b)].filter((id) => !ids(a).has(id)),
      removed: [...ids(a)].filter((id) => !ids(b).has(id)),
    };
    if (!a || !b)
      return { webhook: name, status: a ? 'removed' : 'added', probes: 0, changes: [], rules };
    const probes = diffProbes(a, b);
    const changes = compare(a, b, probes, now);
    return {
      webhook: name,
      status: changes.length > 0 ? 'changed' : 'unchanged',
      probes: probes.length,
      changes,
      rules,
    };
  });
}

function compare(a: CompiledEntry, b: CompiledEntry, probes: Probe[], now: number): AnswerChange[] {
  const ta = loadEntry(a);
  const tb = loadEntry(b);
  const groups = new Map<string, AnswerChange>();
  for (const probe of probes) {
    const da = decide(ta, probe, now);
    const before = describeOutcome({ target: da.target, rule: da.rule?.id ?? null });
    const db = decide(tb, probe, now);
    const after = describeOutcome({ target: db.target, rule: db.rule?.id ?? null });
    if (before === after) continue;
    const key = `${before}\0${after}`;
    let group = groups.get(key);
    if (!group) {
      group = { before, after, count: 0, examples: [] };
      groups.set(key, group);
    }
    group.count++;
    // Keep the simplest example: the fewest parameters a reviewer has to read.
    if (group.examples.length === 0 || size(probe) < size(group.examples[0]!))
      group.examples = [probe];
  }
  return [...groups.values()].sort((x, y) => y.count - x.count);
}

function size(probe: Probe): number {
  return Object.values(probe).filter((v) => v !== '' && v !== 'zz-other').length;
}

function realDir(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    throw new GitRevisionError(`cannot read ${path}: no such directory`);
  }
}

function git(args: string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new GitRevisionError(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}
