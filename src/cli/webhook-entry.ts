import type { CompiledEntry, CompiledRoutes } from '../compiler/pipeline.ts';
import { printProblems } from './report.ts';

/**
 * The compiled webhook `name`; when it is missing or has errors, prints the errors and the
 * webhooks there are (as `routes explain` does) and answers null.
 */
export function findWebhook(
  compiled: CompiledRoutes,
  name: string,
  command: string,
): CompiledEntry | null {
  const entry = compiled.webhooks.find((w) => w.name === name);
  if (entry) return entry;
  printProblems(compiled.problems.filter((p) => p.severity === 'error'));
  const known = compiled.webhooks.map((w) => w.name).join(', ') || 'none';
  process.stderr.write(`${command}: no usable webhook "${name}" (webhooks: ${known})\n`);
  return null;
}
