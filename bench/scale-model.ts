// The cold-start cost model of src/compiler/scale-guard.ts, derived from this run's figures, so
// the constants there can be checked against every new measurement.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Figures } from './figures.ts';
import { fixed } from './report.ts';

/** What an artifact's tables/ holds, in bytes: table data (JSON and rules files) and key files. */
export interface ArtifactBytes {
  json: number;
  keys: number;
}

/** Cold-start milliseconds per MB of table JSON and of key files, as measured. */
export interface ScaleModel {
  coldMsPerJsonMB: number;
  coldMsPerKeysMB: number;
  /** How they were derived, in words. */
  from: string;
}

const MB = 1024 * 1024;

/** 10k rules' cold start over their JSON; the 1M-row table's extra over its key files. */
export function scaleModel(f: Figures): ScaleModel {
  const [rules, table] = f.cold as [Figures['cold'][0], Figures['cold'][0]];
  const json = f.artifacts.rules.json / MB;
  const keys = (f.artifacts.table.keys - f.artifacts.rules.keys) / MB;
  const extra = table.median - rules.median;
  return {
    coldMsPerJsonMB: rules.median / json,
    coldMsPerKeysMB: Math.max(0, extra) / keys,
    from: `10k rules: ${fixed(json)} MB of table data (JSON and rules files), ${fixed(rules.median)} ms; the 1M-row table adds ${fixed(keys)} MB of key files and ${fixed(extra)} ms`,
  };
}

/** Bytes of table data (`.json` and `.rules`, what scale-guard's sizeOf counts) and of key files. */
export function tableBytes(dir: string): ArtifactBytes {
  const bytes = { json: 0, keys: 0 };
  for (const name of readdirSync(join(dir, 'tables'))) {
    const size = statSync(join(dir, 'tables', name)).size;
    if (name.endsWith('.json') || name.endsWith('.rules')) bytes.json += size;
    else bytes.keys += size;
  }
  return bytes;
}
