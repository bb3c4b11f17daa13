// Compiles routes directories the way `routes build` does and loads the tables the way the Lambda
// does, for tests that exercise the run-time router on real compiler output.
import { type CompiledRoutes, compileAll } from '../../src/compiler/pipeline.ts';
import { formatProblem } from '../../src/compiler/problem.ts';
import { loadTable, type Table } from '../../src/router/table.ts';
import {
  type RandomRoutes,
  randomRoutes,
  routesYaml,
  withoutRules,
  writeRoutes,
} from './random-routes.ts';

/** Compiles `routesDir` and loads every webhook's table by name; throws listing the problems if it fails. */
export function compileTables(routesDir: string): Map<string, Table> {
  return loadTables(compileAll(routesDir), routesDir);
}

/**
 * Writes the random webhook of `seed` as `<dir>/<name>.yaml` and compiles it. The compiler rejects
 * rules that earlier rules make unreachable; those are dropped and the rest compiled again.
 */
export function compileRandomRoutes(
  dir: string,
  name: string,
  seed: number,
): { routes: RandomRoutes; table: Table } {
  let routes = randomRoutes(seed);
  for (let attempt = 0; attempt < 10; attempt++) {
    writeRoutes(dir, name, routes);
    const compiled = compileAll(dir);
    const errors = compiled.problems.filter((p) => p.severity === 'error');
    const shadowed = errors.map((p) => /^rule "([^"]+)" can never match/.exec(p.message)?.[1]);
    if (errors.length === 0 || shadowed.includes(undefined)) {
      const table = loadTables(compiled, `seed ${seed}:\n${routesYaml(routes)}`).get(name)!;
      return { routes, table };
    }
    routes = withoutRules(routes, new Set(shadowed as string[]));
  }
  throw new Error(`seed ${seed}: still shadowed rules after 10 attempts`);
}

function loadTables(compiled: CompiledRoutes, what: string): Map<string, Table> {
  if (!compiled.ok) {
    const problems = compiled.problems.map((p) => formatProblem(p)).join('\n');
    throw new Error(`${what} does not compile:\n${problems}`);
  }
  const tables = new Map<string, Table>();
  for (const hook of compiled.webhooks) {
    const read = (file: string) => {
      const bytes = hook.files.get(file);
      if (bytes === undefined) throw new Error(`${hook.name}: no compiled file ${file}`);
      return bytes;
    };
    tables.set(hook.name, loadTable(hook.table, read));
  }
  return tables;
}
