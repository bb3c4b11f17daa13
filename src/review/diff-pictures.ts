// Pictures for the diff comment: the rule graph after a change that reorders rules, and week
// grids before and after a change that moves hours or date windows (for the first kind of call
// whose answer moves in time).
import type { CompiledEntry, CompiledRoutes } from '../compiler/pipeline.ts';
import type { WebhookDiff } from './diff.ts';
import type { Pictures } from './diff-report.ts';
import { mermaidGraph } from './graph.ts';
import { weekGrid } from './week.ts';
import { mondayOf } from './week-scan.ts';

/** The pictures of each webhook's diff, from the compiled versions. */
export function diffPictures(before: CompiledRoutes, after: CompiledRoutes): Pictures {
  const find = (routes: CompiledRoutes, name: string) =>
    routes.webhooks.find((w) => w.name === name);
  return (d) => {
    const a = find(before, d.webhook);
    const b = find(after, d.webhook);
    if (!a || !b || !d.edits) return [];
    return [...ruleGraph(d, b), ...weekGrids(d, a, b)];
  };
}

function ruleGraph(d: WebhookDiff, after: CompiledEntry): string[] {
  const { moved, added, removed } = d.edits!.rules;
  if (moved.length + added.length + removed.length === 0) return [];
  return [
    '<details><summary>The rules in their new order</summary>',
    '',
    '```mermaid',
    mermaidGraph(after).trimEnd(),
    '```',
    '',
    '</details>',
    '',
  ];
}

function weekGrids(d: WebhookDiff, before: CompiledEntry, after: CompiledEntry): string[] {
  const { changed, added, removed } = d.edits!.rules;
  const edited = new Set([...changed, ...added, ...removed]);
  const timed =
    d.edits!.data.some((e) => e.what.startsWith('hours ')) ||
    readsTime(before, edited) ||
    readsTime(after, edited);
  const moved = d.classes.find((c) => c.sample.date !== undefined);
  if (!timed || !moved) return [];
  const { date, ...sample } = moved.sample;
  const params = Object.fromEntries(Object.entries(sample).filter(([, v]) => v !== ''));
  const monday = mondayOf(date!.slice(0, 10));
  const call = Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const grid = (entry: CompiledEntry) =>
    weekGrid(entry, params, { monday, format: 'markdown' }).trimEnd();
  return [
    `<details><summary>Week of ${monday}, before and after, for calls like \`${call || 'any call'}\`</summary>`,
    '',
    '**Before**',
    '',
    grid(before),
    '',
    '**After**',
    '',
    grid(after),
    '',
    '</details>',
    '',
  ];
}

/** True when one of the edited rules tests the time (`hours` or `during`). */
function readsTime(entry: CompiledEntry, ids: Set<string>): boolean {
  return entry.table.rules.some(
    (r) =>
      ids.has(r.id) &&
      r.conditions.some(({ condition: c }) => c.op === 'hours' || c.op === 'during'),
  );
}
