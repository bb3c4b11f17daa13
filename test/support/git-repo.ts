// A throwaway git repository for tests that need commits: fixed identity, no signing, and the
// committer date chosen by the test (what a build's manifest reads), so expectations are exact.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp repository; `remove` deletes it. */
export interface GitRepo {
  dir: string;
  /** Runs git in the repository and returns its trimmed stdout. */
  git(args: string[], env?: Record<string, string>): string;
  /** Stages everything and commits it at `date` (ISO 8601); returns the commit id. */
  commit(message: string, date: string): string;
  remove(): void;
}

/** Creates an empty repository in a new temp directory (named `prefix...`), or in `at` when given. */
export function createGitRepo(prefix = 'git-repo-', at?: string): GitRepo {
  const dir = at ?? mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(dir, { recursive: true });
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    }).trim();
  git(['init', '-q']);
  return {
    dir,
    git,
    commit(message, date) {
      git(['add', '-A']);
      git(['-c', 'commit.gpgsign=false', 'commit', '-qm', message], { GIT_COMMITTER_DATE: date });
      return git(['rev-parse', 'HEAD']);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
