// Reads the routes directory as it was at a git revision, for `routes diff`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type CompiledRoutes, compileAll } from '../compiler/pipeline.ts';

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
