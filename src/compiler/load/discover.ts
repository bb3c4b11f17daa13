import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { error, type Problem } from '../problem.ts';
import { displayDir, OUT_OF_ROUTES, whereIs } from './source-files.ts';

/** A webhook file found under routes/. */
export interface WebhookFile {
  name: string;
  path: string;
  /** The path as printed in messages (`routes/sales.yaml`). */
  file: string;
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;
/** The path the router keeps for its manifest (`GET /healthz`): no webhook can answer there. */
const RESERVED = 'healthz';

/**
 * Lists webhook files: `routes/<name>.yaml` (or `.yml`). Files starting with `_`, route tests
 * (`*.test.yaml`) and subdirectories such as `routes/lists/` are not webhooks (docs/language.md).
 */
export function discoverWebhooks(routesDir: string): {
  webhooks: WebhookFile[];
  problems: Problem[];
} {
  const display = displayDir(routesDir);
  let entries: Dirent[];
  try {
    entries = readdirSync(routesDir, { withFileTypes: true })
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    const problem = error(
      { file: routesDir, line: 1, col: 1 },
      `cannot read the routes directory "${routesDir}"`,
    );
    return { webhooks: [], problems: [problem] };
  }
  const webhooks: WebhookFile[] = [];
  const problems: Problem[] = [];
  for (const dirent of entries) {
    const entry = dirent.name;
    const match = /^(.*)\.ya?ml$/.exec(entry);
    if (!match || entry.startsWith('_') || /\.test\.ya?ml$/.test(entry)) continue;
    const name = match[1]!;
    const file = `${display}${entry}`;
    if (dirent.isSymbolicLink()) {
      const link = linkProblem(routesDir, entry, file);
      if (link === 'skip') continue;
      if (link) {
        problems.push(link);
        continue;
      }
    }
    if (!NAME.test(name)) {
      problems.push(
        error(
          { file, line: 1, col: 1 },
          `"${name}" is not a webhook name: use lower-case letters, digits and dashes, starting with a letter or digit (it is also the URL path)`,
        ),
      );
      continue;
    }
    if (name === RESERVED) {
      const message = `"${name}" is reserved: /${name} answers the build manifest, so this webhook could never answer a call (rename the file)`;
      problems.push(error({ file, line: 1, col: 1 }, message));
      continue;
    }
    if (webhooks.some((w) => w.name === name)) {
      problems.push(
        error(
          { file, line: 1, col: 1 },
          `webhook "${name}" is defined twice (also ${display}${name}.yaml)`,
        ),
      );
      continue;
    }
    webhooks.push({ name, path: join(routesDir, entry), file });
  }
  return { webhooks, problems };
}

/**
 * A webhook file may be a symbolic link to a file inside routes/; one that leads out of it is
 * refused unread (see whereIs), a dangling one reported, and one to a directory skipped like a
 * directory.
 */
function linkProblem(routesDir: string, entry: string, file: string): Problem | 'skip' | null {
  const path = join(routesDir, entry);
  const where = whereIs(routesDir, path);
  const at = { file, line: 1, col: 1 };
  if (where === 'outside') return error(at, OUT_OF_ROUTES);
  if (where === 'missing') return error(at, 'the file is a symbolic link to nothing');
  return statSync(path).isFile() ? null : 'skip';
}
