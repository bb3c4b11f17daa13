import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type Plugin } from 'esbuild';
import type { Manifest } from '../../router/types.ts';
import { type CompiledEntry, compileAll } from '../pipeline.ts';
import type { Problem } from '../problem.ts';
import { buildInfo } from './build-info.ts';
import { tableFiles } from './emit-table.ts';

/** Bumped when the table format or the config language changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** The result of `buildAll`. */
export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  manifest?: Manifest;
  /** The artifact directory (`<outDir>/lambda`). */
  dir?: string;
}

/**
 * Compiles every webhook and writes the one artifact, `<outDir>/lambda/`: the esbuild bundle of
 * src/lambda.ts, `tables/` and `manifest.json` (plus `<outDir>/meta.json`, esbuild's metafile).
 * It is assembled in a temporary directory and renamed into place, so a failed build never
 * leaves a half-written artifact behind.
 */
export async function buildAll(options: {
  routesDir: string;
  outDir: string;
}): Promise<BuildResult> {
  const compiled = compileAll(options.routesDir);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  const dir = join(options.outDir, 'lambda');
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'tables'), { recursive: true });
  const hashes = writeTables(staging, compiled.webhooks);
  const manifest: Manifest = {
    tableHash: sha256(
      Object.entries(hashes)
        .map(([n, h]) => `${n}:${h.hash}\n`)
        .join(''),
    ),
    sourceHash: sha256(
      [...compiled.sources]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([p, t]) => `${p}\0${t}\0`)
        .join(''),
    ),
    ...buildInfo(options.routesDir),
    schemaVersion: SCHEMA_VERSION,
    webhooks: hashes,
  };
  writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const bundle = await bundleHandler(join(staging, 'index.mjs'));
  writeFileSync(join(options.outDir, 'meta.json'), JSON.stringify(bundle.metafile));
  swapInto(staging, dir);
  return { ok: true, problems: compiled.problems, manifest, dir };
}

/**
 * Bundles the Lambda entry with esbuild: ESM for Node 24, minified, Node built-ins external.
 * `plugins` exist for the bench, which swaps the decision log for a no-op to price it.
 */
export async function bundleHandler(outfile: string, plugins: Plugin[] = []) {
  return esbuild({
    entryPoints: [fileURLToPath(new URL('../../lambda.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins,
  });
}

function writeTables(dir: string, webhooks: CompiledEntry[]): Manifest['webhooks'] {
  const out: Manifest['webhooks'] = {};
  for (const w of [...webhooks].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const { json, rules } = tableFiles(w.name, w.table);
    const files = new Map([...w.files, [`${w.name}.rules`, rules]]);
    const hash = createHash('sha256').update(json);
    writeFileSync(join(dir, 'tables', `${w.name}.json`), json);
    for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      writeFileSync(join(dir, 'tables', name), bytes);
      hash.update(`\0${name}\0`).update(bytes);
    }
    out[w.name] = { rules: w.table.rules.length, hash: hash.digest('hex') };
  }
  return out;
}

function swapInto(staging: string, dir: string): void {
  const old = `${dir}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(dir, old);
  } catch {
    // First build: nothing to move aside.
  }
  renameSync(staging, dir);
  rmSync(old, { recursive: true, force: true });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
