// `routes diff`: which calls get a different answer than at a base revision, in words. Both
// versions of each webhook are explored over the classes of calls their conditions tell apart
// (diff/explore.ts); every class whose answer changes is reported, with the edits behind it.
import type { CompiledEntry, CompiledRoutes } from '../compiler/pipeline.ts';
import { type ChangeClass, changeClasses } from './diff/classes.ts';
import { type Edits, editsOf } from './diff/edits.ts';
import { explore } from './diff/explore.ts';
import { buildModel } from './diff/model.ts';

export { compileAtRevision, GitRevisionError } from './revision.ts';

/** The behavioural diff of one webhook. */
export interface WebhookDiff {
  webhook: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  edits: Edits | null;
  /** Every class of calls whose answer changed. */
  classes: ChangeClass[];
  /** Regions of calls examined (both versions decided in each). */
  regions: number;
  /** True when the webhook was too large to explore completely. */
  truncated: boolean;
  /** Rule ids in order before and after, for pictures of a reordering. */
  order: [string[], string[]];
}

/** Diffs every webhook of two compiled versions of the routes. */
export function diffRoutes(before: CompiledRoutes, after: CompiledRoutes): WebhookDiff[] {
  const names = [...new Set([...before.webhooks, ...after.webhooks].map((w) => w.name))].sort();
  return names.map((name) =>
    diffWebhook(
      name,
      before.webhooks.find((w) => w.name === name),
      after.webhooks.find((w) => w.name === name),
    ),
  );
}

/** Diffs one webhook; either side may be missing (added or removed). */
export function diffWebhook(name: string, a?: CompiledEntry, b?: CompiledEntry): WebhookDiff {
  const order: [string[], string[]] = [
    a?.table.rules.map((r) => r.id) ?? [],
    b?.table.rules.map((r) => r.id) ?? [],
  ];
  if (!a || !b) {
    const status = a ? 'removed' : 'added';
    return { webhook: name, status, edits: null, classes: [], regions: 0, truncated: false, order };
  }
  const edits = editsOf(a, b);
  const model = buildModel(a, b);
  const x = explore(model);
  const classes = changeClasses(model, x);
  const edited =
    classes.length > 0 ||
    edits.config.length > 0 ||
    edits.data.length > 0 ||
    Object.values(edits.rules).some((ids) => ids.length > 0);
  return {
    webhook: name,
    status: edited ? 'changed' : 'unchanged',
    edits,
    classes,
    regions: x.regions,
    truncated: x.truncated,
    order,
  };
}
