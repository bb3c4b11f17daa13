import { readFileSync } from 'node:fs';
import { loadTable, type Table } from '../router/table.ts';
import type { TableData } from '../router/types.ts';
import { compileWebhook } from './compile-webhook.ts';
import { discoverWebhooks } from './discover.ts';
import { loadYaml } from './load-yaml.ts';
import { buildModel } from './model.ts';
import { error, type Problem, sortProblems, warning } from './problem.ts';
import { checkScale } from './scale-guard.ts';
import { sourceFiles } from './source-files.ts';
import { validateRoutes } from './validate.ts';

/** Everything `check`, `build`, `test`, `explain` and `diff` need from the routes directory. */
export interface CompiledRoutes {
  ok: boolean;
  problems: Problem[];
  webhooks: CompiledEntry[];
  /** Every source file read (path relative to routes/ -> text), for the source hash. */
  sources: Map<string, string>;
}

/** One webhook's output. */
export interface CompiledEntry {
  name: string;
  file: string;
  table: TableData;
  files: Map<string, Uint8Array>;
}

/** Loads a compiled webhook's table for the router, its key files served from memory. */
export function loadEntry(entry: CompiledEntry): Table {
  return loadTable(entry.table, (name) => entry.files.get(name)!);
}

const MODELINE = '# yaml-language-server: $schema=../schema/routes.schema.json';

/** Loads, validates, analyses and compiles every webhook; all problems at once, sorted. */
export function compileAll(routesDir: string): CompiledRoutes {
  const found = discoverWebhooks(routesDir);
  const problems = [...found.problems];
  const files = sourceFiles(routesDir);
  const webhooks: CompiledEntry[] = [];
  for (const hook of found.webhooks) {
    let text: string;
    try {
      text = readFileSync(hook.path, 'utf8');
    } catch (err) {
      problems.push(
        error(
          { file: hook.file, line: 1, col: 1 },
          `cannot read the file (${(err as Error).message})`,
        ),
      );
      continue;
    }
    files.read.set(hook.path.slice(routesDir.length).replace(/^\/+/, ''), text);
    if (!text.startsWith(MODELINE)) {
      problems.push(
        warning(
          { file: hook.file, line: 1, col: 1 },
          `start the file with "${MODELINE}" so editors validate it as you type`,
        ),
      );
    }
    const source = loadYaml(hook.file, text);
    problems.push(...source.problems);
    if (source.problems.some((p) => p.severity === 'error')) continue;
    const invalid = validateRoutes(source);
    problems.push(...invalid);
    if (invalid.length > 0) continue;
    const compiled = compileWebhook(buildModel(hook.name, source), files);
    problems.push(...compiled.problems);
    if (compiled.table)
      webhooks.push({
        name: hook.name,
        file: hook.file,
        table: compiled.table,
        files: compiled.files,
      });
  }
  problems.push(...checkScale(webhooks));
  const sorted = sortProblems(problems);
  return {
    ok: !sorted.some((p) => p.severity === 'error'),
    problems: sorted,
    webhooks,
    sources: files.read,
  };
}
