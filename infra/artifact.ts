// The Lambda artifact is the directory `routes build` wrote and the tests exercised. The stack
// deploys exactly those bytes: the asset hash is our own content hash of that directory, so a
// test can tie the template's asset to the artifact, and two builds differ only if bytes differ.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** What the stack needs to know about the artifact it deploys. */
export interface Artifact {
  /** Absolute path of the artifact directory. */
  dir: string;
  /** sha256 over every file's relative path and bytes, in sorted path order. */
  hash: string;
  /** The manifest's tableHash and gitRevision, when present, for the version description. */
  tableHash: string | null;
  gitRevision: string | null;
  /** The manifest says the build holds uncommitted changes. */
  dirty: boolean;
}

/** The artifact directory is missing or incomplete. */
export class ArtifactMissingError extends Error {
  override name = 'ArtifactMissingError';
}

/** The files without which the directory is not a router artifact. */
export const REQUIRED_FILES = ['index.mjs', 'manifest.json'] as const;

/** Checks that `dir` holds a built artifact and describes it; throws ArtifactMissingError if not. */
export function readArtifact(dir: string): Artifact {
  const abs = resolve(dir);
  const missing = REQUIRED_FILES.filter((f) => !existsSync(join(abs, f)));
  if (missing.length > 0) {
    throw new ArtifactMissingError(
      `${dir}: no ${missing.join(' or ')} here; run \`npm run routes -- build\` first ` +
        '(or point context "artifactDir" at a built artifact)',
    );
  }
  const manifest = parseManifest(join(abs, 'manifest.json'));
  return {
    dir: abs,
    hash: hashDirectory(abs),
    tableHash: stringField(manifest, 'tableHash'),
    gitRevision: stringField(manifest, 'gitRevision'),
    dirty: manifest.dirty === true,
  };
}

/** sha256 of a directory tree: each file's relative POSIX path, a NUL, its size and its bytes. */
export function hashDirectory(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) {
    const bytes = readFileSync(file);
    hash.update(relative(dir, file).split(sep).join('/'));
    hash.update(`\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

function parseManifest(path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Reported below with the file's name: a build that wrote broken JSON must not deploy.
  }
  throw new ArtifactMissingError(
    `${path}: not a JSON object; rebuild with \`npm run routes -- build\``,
  );
}

function stringField(obj: Record<string, unknown>, key: string): string | null {
  const value = obj[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
