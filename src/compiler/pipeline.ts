// The compiler: every webhook goes through one ordered list of passes over one in-memory form
// (model/ir.ts). docs/architecture.md describes each pass.
import { loadTable, type Table } from '../router/table.ts';
import type { TableData } from '../router/table-data.ts';
import { paramNameProblems } from './analyse/param-names.ts';
import { checkScale } from './analyse/scale-guard.ts';
import { shadowProblems } from './analyse/shadow-check.ts';
import { type EmittedTable, emitTable } from './emit/emit-table.ts';
import { buildIndex } from './index/build-index.ts';
import { discoverWebhooks, type WebhookFile } from './load/discover.ts';
import { LIMITS } from './load/limits.ts';
import { loadYaml, type YamlSource } from './load/load-yaml.ts';
import { readRoutesYaml, type SourceFiles, sourceFiles } from './load/source-files.ts';
import { lowerWebhook } from './lower/lower-webhook.ts';
import type { WebhookIR } from './model/ir.ts';
import { readWebhook } from './model/read-webhook.ts';
import { addAll, error, type Problem, sortProblems, warning } from './problem.ts';
import { resolveNames } from './resolve/resolve-names.ts';
import { validateRoutes } from './validate/validate.ts';

/** Everything `check`, `build`, `test`, `explain` and `diff` need from the routes directory. */
export interface CompiledRoutes {
  ok: boolean;
  problems: Problem[];
  webhooks: CompiledEntry[];
  /** Every source file read (path relative to routes/ -> text), for the source hash. */
  sources: Map<string, string>;
}

/** One webhook's output: its in-memory form and the table emitted from it. */
export interface CompiledEntry {
  name: string;
  file: string;
  ir: WebhookIR;
  table: TableData;
  files: Map<string, Uint8Array>;
}

/** One webhook on its way through the passes; each pass reads what earlier ones set. */
export interface Unit {
  hook: WebhookFile;
  files: SourceFiles;
  problems: Problem[];
  source?: YamlSource;
  ir?: WebhookIR;
  emitted?: EmittedTable;
}

/** A compiler pass. After a pass that `stops`, a webhook with any error leaves the pipeline. */
export interface Pass {
  name: string;
  stops: boolean;
  run(unit: Unit): void;
}

/** The passes, in order. */
export const PASSES: readonly Pass[] = [
  { name: 'load', stops: true, run: load },
  { name: 'validate', stops: true, run: (u) => addAll(u.problems, validateRoutes(u.source!)) },
  { name: 'model', stops: false, run: model },
  { name: 'resolve', stops: false, run: (u) => resolveNames(u.ir!) },
  { name: 'lower', stops: true, run: (u) => lowerWebhook(u.ir!, u.files) },
  {
    name: 'analyse',
    stops: false,
    run: (u) => {
      addAll(u.problems, shadowProblems(u.ir!));
      addAll(u.problems, paramNameProblems(u.ir!));
    },
  },
  {
    name: 'index',
    stops: false,
    run: (u) => {
      u.ir!.index = buildIndex(u.ir!);
    },
  },
  {
    name: 'emit',
    stops: false,
    run: (u) => {
      u.emitted = emitTable(u.ir!);
    },
  },
];

/** Loads a compiled webhook's table for the router, its key files served from memory. */
export function loadEntry(entry: CompiledEntry): Table {
  return loadTable(entry.table, (name) => entry.files.get(name)!);
}

/** Compiles every webhook of `routesDir` through the passes; all problems at once, sorted. */
export function compileAll(routesDir: string): CompiledRoutes {
  const found = discoverWebhooks(routesDir);
  const problems = [...found.problems];
  const files = sourceFiles(routesDir);
  const webhooks: CompiledEntry[] = [];
  for (const hook of found.webhooks) {
    const unit: Unit = { hook, files, problems: [] };
    for (const pass of PASSES) {
      pass.run(unit);
      if (pass.stops && unit.problems.some((p) => p.severity === 'error')) break;
    }
    addAll(problems, unit.problems);
    if (unit.emitted)
      webhooks.push({ name: hook.name, file: hook.file, ir: unit.ir!, ...unit.emitted });
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

const MODELINE = '# yaml-language-server: $schema=../schema/routes.schema.json';

function load(unit: Unit): void {
  const { hook, files } = unit;
  const what = 'a webhook file (keep long lists in list files)';
  const read = readRoutesYaml(files.routesDir, hook.path, hook.file, what);
  if ('problem' in read) {
    unit.problems.push(read.problem);
    return;
  }
  const text = read.text;
  files.read.set(hook.path.slice(files.routesDir.length).replace(/^\/+/, ''), text);
  // A byte order mark (some Windows editors write one) is not text: not before the modeline, not
  // in the columns of line 1.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.startsWith(MODELINE)) {
    const at = { file: hook.file, line: 1, col: 1 };
    unit.problems.push(
      warning(at, `start the file with "${MODELINE}" so editors validate it as you type`),
    );
  }
  unit.source = loadYaml(hook.file, body);
  addAll(unit.problems, unit.source.problems);
  // Counted before validation, which would otherwise report each of a million bad rules.
  const tree = unit.source.tree;
  const rules = tree?.kind === 'map' ? tree.entries.get('rules') : undefined;
  if (rules?.value.kind === 'seq' && rules.value.items.length > LIMITS.rules) {
    const count = rules.value.items.length.toLocaleString('en');
    const message = `${count} rules, over the limit of ${LIMITS.rules.toLocaleString('en')} per webhook (split the webhook, or move callers into a table)`;
    unit.problems.push(error(rules.keyLoc, message));
  }
}

function model(unit: Unit): void {
  const tree = unit.source!.tree;
  if (tree?.kind !== 'map') return;
  unit.ir = readWebhook(unit.hook.name, unit.hook.file, tree, unit.problems);
}
