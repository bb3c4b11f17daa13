// Where a build comes from, for its manifest: the last commit that changed what the artifact is
// made of (the routes, the handler's code, the schema, the locked dependencies), that commit's
// time, and whether the work tree holds uncommitted changes to those files. Not HEAD and not the
// clock: a commit that touches only docs or CI then builds the same bytes, so CloudFormation sees
// no change and no new Lambda version is published or canaried.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The manifest fields that describe a build's origin. */
export interface BuildInfo {
  /** The last commit that touched a build input; null outside git or before the first commit. */
  gitRevision: string | null;
  /** SOURCE_DATE_EPOCH when set, else that commit's committer date (the clock only without one). */
  builtAt: string;
  /** True when the build inputs differ from that commit (edited, new or untracked files). */
  dirty: boolean;
}

/** Build inputs besides the routes, relative to the project root; tsconfig.json steers esbuild. */
export const PROJECT_INPUTS = ['src', 'schema', 'package-lock.json', 'tsconfig.json'] as const;

/** Where to look: the project whose src/ bundles the handler, and the time to fall back on. */
export interface BuildInfoOptions {
  projectRoot?: string;
  sourceDateEpoch?: string | undefined;
  now?: () => number;
}

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Reads the origin of a build of `routesDir` from git (no network, a few local git calls). */
export function buildInfo(routesDir: string, options: BuildInfoOptions = {}): BuildInfo {
  const epoch = options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH;
  const pinned = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : null;
  const now = options.now ?? Date.now;
  const top = git(routesDir, ['rev-parse', '--show-toplevel']);
  // Not in a git work tree: nothing proves these files were ever committed.
  if (top === null) return { gitRevision: null, builtAt: iso(pinned ?? now()), dirty: true };
  const paths = inputPaths(top, routesDir, options.projectRoot ?? PROJECT_ROOT);
  const last = git(top, ['log', '-1', '--format=%H %ct', '--', ...paths]);
  const changes = git(top, ['status', '--porcelain', '--', ...paths]);
  const [revision, seconds] = last ? last.split(' ') : [];
  const committed = seconds === undefined ? null : Number(seconds) * 1000;
  return {
    gitRevision: revision ?? null,
    builtAt: iso(pinned ?? committed ?? now()),
    dirty: changes === null || changes !== '',
  };
}

/** The routes directory and the project inputs, as paths inside `top`; inputs outside it are left out. */
function inputPaths(top: string, routesDir: string, projectRoot: string): string[] {
  const inside = (path: string) => {
    const rel = relative(top, real(path));
    return rel.startsWith('..') || isAbsolute(rel) ? null : rel || '.';
  };
  const root = inside(projectRoot);
  const project = root === null ? [] : PROJECT_INPUTS.map((p) => join(root, p));
  return [inside(routesDir) ?? '.', ...project];
}

function real(path: string): string {
  try {
    return realpathSync(resolve(path));
  } catch {
    return resolve(path);
  }
}

/** Trimmed stdout of a git command run in `cwd`, or null when git fails or is missing. */
function git(cwd: string, args: string[]): string | null {
  try {
    // --no-optional-locks: status must not take the index lock while other git commands run.
    return execFileSync('git', ['--no-optional-locks', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
