import { realpathSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import type { TextAt } from '../lower/lower-hours.ts';
import { error, type Problem } from '../problem.ts';
import { LIMITS } from './limits.ts';
import { readTextFile } from './text-file.ts';

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

/**
 * Where `path` really is, after symbolic links: inside `dir`, outside it, or nowhere (missing or
 * a dangling link). A link out of routes/ would let a pull request make `check` read, and CI
 * print, any file on the runner, so such files are refused before they are opened.
 */
export function whereIs(dir: string, path: string): 'inside' | 'outside' | 'missing' {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return 'missing';
  }
  const root = realpathSync(dir);
  return real === root || real.startsWith(`${root}${sep}`) ? 'inside' : 'outside';
}

/**
 * Reads a YAML file directly in routes/ (a webhook or its route tests) under LIMITS.yamlBytes;
 * `file` is its path as printed, `what` the kind of file for the size message. The problem is at
 * 1:1, or at the bad byte inside the file.
 */
export function readRoutesYaml(
  routesDir: string,
  path: string,
  file: string,
  what: string,
): { text: string } | { problem: Problem } {
  const at = { file, line: 1, col: 1 };
  if (whereIs(routesDir, path) === 'outside') return { problem: error(at, OUT_OF_ROUTES) };
  try {
    const read = readTextFile(path, LIMITS.yamlBytes, what);
    if ('text' in read) return read;
    const { message, tooLarge } = read.failure;
    const where = read.failure.at ? { ...at, ...read.failure.at } : at;
    return { problem: error(where, tooLarge ? `the file is ${message}` : message) };
  } catch (err) {
    return { problem: error(at, `cannot read the file (${(err as Error).message})`) };
  }
}

/** The message for a webhook or route-test file that is a symbolic link out of routes/. */
export const OUT_OF_ROUTES =
  'the file is a symbolic link out of routes/ (not read: every file must be inside routes/)';

/** Reads `path` (relative to routes/); a located problem when it escapes routes/ or cannot be read as text. */
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
  const full = join(files.routesDir, rel);
  if (whereIs(files.routesDir, full) === 'outside') {
    const message = `${what}: "${path.text}" is a symbolic link out of routes/ (not read: every file must be inside routes/)`;
    return { problem: error(path.loc, message) };
  }
  try {
    const read = readTextFile(full, LIMITS.dataFileBytes, 'a list or table file');
    if ('text' in read) {
      if (lineCount(read.text) > LIMITS.dataLines) {
        const limit = LIMITS.dataLines.toLocaleString('en');
        const at = { file, line: LIMITS.dataLines + 1, col: 1 };
        return {
          problem: error(
            at,
            `${what}: more than ${limit} lines, over the limit for a list or table file`,
          ),
        };
      }
      files.read.set(rel, read.text);
      return { text: read.text, file };
    }
    const { at, message, tooLarge } = read.failure;
    if (at) return { problem: error({ file, ...at }, `${what}: ${message}`) };
    const why = tooLarge ? `${file} is ${message}` : `${file}: ${message}`;
    return { problem: error(path.loc, `${what}: ${why}`) };
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

/** Lines of `text`, a last line without a line end included (indexOf: 5M lines in ~20 ms). */
function lineCount(text: string): number {
  let lines = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
