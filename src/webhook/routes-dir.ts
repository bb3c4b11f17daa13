import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTable, type Table } from '../router/table.ts';
import type { TableFile } from '../router/table-data.ts';
import type { Manifest } from '../router/types.ts';

/** Every webhook's table plus the build manifest. */
export interface LoadedRoutes {
  manifest: Manifest;
  tables: Map<string, Table>;
}

/**
 * Loads an artifact directory (`manifest.json` + `tables/`): one read per file at cold start;
 * binary key files are used in place, never copied into JS objects (docs/architecture.md, "The table").
 */
export function loadRoutesDir(dir: string): LoadedRoutes {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const tables = new Map<string, Table>();
  for (const name of Object.keys(manifest.webhooks)) {
    const data = JSON.parse(readFileSync(join(dir, 'tables', `${name}.json`), 'utf8')) as TableFile;
    tables.set(
      name,
      loadTable(data, (file) => readFileSync(join(dir, 'tables', file))),
    );
  }
  return { manifest, tables };
}
