// Compiles one webhook written inline in a test, the way `routes build` compiles routes/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type CompiledEntry, compileAll } from '../../src/compiler/pipeline.ts';
import { formatProblem } from '../../src/compiler/problem.ts';

/** The modeline every webhook file starts with. */
export const MODELINE = '# yaml-language-server: $schema=../schema/routes.schema.json';

/** Compiles `yaml` as `routes/<name>.yaml` (plus `files` beside it); throws listing any errors. */
export function compileWebhook(
  yaml: string,
  name = 'hotline',
  files: Record<string, string> = {},
): CompiledEntry {
  const dir = mkdtempSync(join(tmpdir(), 'webhook-'));
  try {
    writeFileSync(join(dir, `${name}.yaml`), `${MODELINE}\n${yaml}`);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const compiled = compileAll(dir);
    const errors = compiled.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new Error(errors.map((p) => formatProblem(p)).join('\n'));
    return compiled.webhooks[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
