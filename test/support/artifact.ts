// Builds the example routes of test/fixtures/ (optionally with extra webhook files) into a temp
// dir, once per test file: the real artifact, exactly as `routes build` writes it.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAll } from '../../src/compiler/emit/build.ts';
import { EXAMPLE_ROUTES } from './example-routes.ts';

/** A built artifact in a temp dir; `cleanup` removes it. */
export interface BuiltArtifact {
  routesDir: string;
  dir: string;
  tableHash: string;
  cleanup(): void;
}

/** The key of the `secure.yaml` test webhook (SECURE_YAML). */
export const SECURE_KEY = 'test-key-7f3a';
/** sha256 of SECURE_KEY, as `routes key` would print it. */
export const SECURE_HASH = '7231303e79c9177d40b2f0638edf92e31f1805480b8c5668606d0cf00f517bb9';

/** A webhook with `auth`, answering in text. */
export const SECURE_YAML = `# yaml-language-server: $schema=../schema/routes.schema.json\ntimezone: Europe/Kyiv\nanswer: { format: text }\nauth: { key_sha256: ${SECURE_HASH} }\ndefault: { to: ["380441110000"] }\nrules:\n  - id: vip\n    when: { caller: "380671112233" }\n    route: { to: ["380441111199", "sip/vip@pbx.example.com"] }\n`;

/** Copies the example routes to a temp dir, adds `extra` files, and builds it. */
export async function buildExample(extra: Record<string, string> = {}): Promise<BuiltArtifact> {
  const root = mkdtempSync(join(tmpdir(), 'router-artifact-'));
  const routesDir = join(root, 'routes');
  cpSync(EXAMPLE_ROUTES, routesDir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(routesDir, name), text);
  const result = await buildAll({ routesDir, outDir: join(root, 'build') });
  if (!result.ok || !result.dir || !result.manifest) {
    throw new Error(
      `example build failed:\n${result.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n')}`,
    );
  }
  return {
    routesDir,
    dir: result.dir,
    tableHash: result.manifest.tableHash,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * A copy of the artifact in `lambdaDir` at `outDir` whose handler throws on `/support` (a bug that
 * reaches one webhook) and answers every other request as the original does.
 */
export function failingOnSupport(lambdaDir: string, outDir: string): string {
  cpSync(lambdaDir, outDir, { recursive: true });
  const real = pathToFileURL(resolve(lambdaDir, 'index.mjs')).href;
  writeFileSync(
    join(outDir, 'index.mjs'),
    `import { handler as real } from '${real}';\n` +
      'export async function handler(event, context) {\n' +
      "  if (event.rawPath === '/support') throw new RangeError('table index out of range');\n" +
      '  return real(event, context);\n}\n',
  );
  return outDir;
}
