import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import type { TextAt } from '../lower/lower-hours.ts';
import { error, type Problem } from '../problem.ts';

/** Reads the files a webhook refers to, relative to routes/, and records what it read (for hashing). */
export interface SourceFiles {
  routesDir: string;
  /** Display prefix for paths in messages, e.g. `routes/`. */
  display: string;
  read: Map<string, string>;
}

/** Creates a reader rooted at `routesDir`. */
export function sourceFiles(routesDir: string): SourceFiles {
  return { routesDir, display: displayDir(routesDir), read: new Map() };
}

/** `routes` -> `routes/`: the prefix of every path printed in a message. */
export function displayDir(routesDir: string): string {
  return routesDir.endsWith('/') ? routesDir : `${routesDir}/`;
}

/** Reads `path` (relative to routes/); a located problem when it escapes routes/ or cannot be read. */
export function readSourceFile(
  files: SourceFiles,
  path: TextAt,
  what: string,
): { text: string; file: string } | { problem: Problem } {
  const rel = normalize(path.text);
  if (isAbsolute(rel) || rel.startsWith('..')) {
    return { problem: error(path.loc, `${what}: "${path.text}" must be a path inside routes/`) };
  }
  const file = `${files.display}${rel}`;
  const cached = files.read.get(rel);
  if (cached !== undefined) return { text: cached, file };
  try {
    const text = readFileSync(join(files.routesDir, rel), 'utf8');
    files.read.set(rel, text);
    return { text, file };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (code ?? String(err));
    return {
      problem: error(path.loc, `${what}: cannot read ${file} (${why})`),
    };
  }
}
