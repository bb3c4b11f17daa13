// The local build `routes verify` compares against: its manifest (the table hash that must be
// deployed) and each webhook's answer settings and auth, read from build/lambda/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableFile } from '../router/table-data.ts';
import type { Manifest } from '../router/types.ts';

/** A user-facing failure to read the local build. */
export class LocalBuildError extends Error {
  override name = 'LocalBuildError';
}

/** The parts of a build that verify needs. */
export interface LocalBuild {
  manifest: Manifest;
  /** By webhook name. */
  tables: Map<string, TableFile>;
}

/** Reads `<buildDir>/lambda/manifest.json` and `tables/*.json`; throws LocalBuildError when absent. */
export function readLocalBuild(buildDir: string): LocalBuild {
  const lambdaDir = join(buildDir, 'lambda');
  const manifestFile = join(lambdaDir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new LocalBuildError(
      `no local build at ${manifestFile}: run \`npm run routes -- build\` first ` +
        '(verify checks that the deployed table hash equals the local build)',
    );
  }
  const manifest = readJson<Manifest>(manifestFile);
  if (typeof manifest.tableHash !== 'string') {
    throw new LocalBuildError(
      `${manifestFile}: no tableHash; rebuild with \`npm run routes -- build\``,
    );
  }
  const tables = new Map<string, TableFile>();
  // Only the webhooks the manifest lists: other table files would be leftovers of an older build.
  for (const webhook of Object.keys(manifest.webhooks ?? {})) {
    tables.set(webhook, readJson<TableFile>(join(lambdaDir, 'tables', `${webhook}.json`)));
  }
  return { manifest, tables };
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new LocalBuildError(`${file}: cannot read the local build (${reason}); rebuild it`);
  }
}
