// What was edited between two versions of a webhook, as a reviewer lists it: rules added,
// removed, changed or moved, lists, schedules and caller tables whose contents changed, and the
// webhook's own settings. Names, never positions: a list or schedule is named, not numbered.
import type { CompiledEntry } from '../../compiler/pipeline.ts';
import type { ConditionData } from '../../router/conditions/registry.ts';
import type { RuleData } from '../../router/table-data.ts';

/** The edits of one webhook. */
export interface Edits {
  rules: { added: string[]; removed: string[]; changed: string[]; moved: string[] };
  /** `list vip: 2 added, 1 removed`, `hours office`, `table lists/managers.csv: 1 row changed`. */
  data: { what: string; note: string }[];
  /** Settings: answer, auth (never the key), default, timezone. */
  config: string[];
}

/** The edits from `before` to `after`. */
export function editsOf(before: CompiledEntry, after: CompiledEntry): Edits {
  const a = before.table;
  const b = after.table;
  const ids = (rules: RuleData[]) => rules.map((r) => r.id);
  const inBoth = ids(a.rules).filter((id) => ids(b.rules).includes(id));
  const shape = (entry: CompiledEntry, id: string) =>
    ruleShape(entry, entry.table.rules.find((r) => r.id === id)!);
  const orderA = inBoth;
  const orderB = ids(b.rules).filter((id) => inBoth.includes(id));
  return {
    rules: {
      added: ids(b.rules).filter((id) => !ids(a.rules).includes(id)),
      removed: ids(a.rules).filter((id) => !ids(b.rules).includes(id)),
      changed: inBoth.filter((id) => shape(before, id) !== shape(after, id)),
      moved: movedIds(orderA, orderB),
    },
    data: [
      ...listEdits(before, after),
      ...scheduleEdits(before, after),
      ...tableEdits(before, after),
    ],
    config: configEdits(before, after),
  };
}

/** A rule with names for its lists, schedules and tables, so equal rules compare equal. */
function ruleShape(entry: CompiledEntry, rule: RuleData): string {
  const { table } = entry;
  const named = (c: ConditionData): unknown => {
    if (c.op === 'in') return { op: 'in', list: table.lists[c.list]!.name };
    if (c.op === 'hours') return { ...c, schedule: table.schedules[c.schedule]!.name };
    if (c.op === 'not') return { op: 'not', inner: named(c.inner) };
    return c;
  };
  const route =
    rule.route.kind === 'table' ? { table: table.tables[rule.route.table]!.source } : rule.route;
  return JSON.stringify([rule.conditions.map((c) => [c.param, named(c.condition)]), route]);
}

/** Rules of both versions whose order relative to the others changed (not in the longest kept order). */
function movedIds(a: string[], b: string[]): string[] {
  const pos = new Map(b.map((id, i) => [id, i]));
  const seq = a.map((id) => pos.get(id)!);
  // Longest increasing subsequence: those rules kept their order; the rest moved.
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<string>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!)
    kept.add(a[i]!);
  return a.filter((id) => !kept.has(id));
}

function listEdits(before: CompiledEntry, after: CompiledEntry): Edits['data'] {
  const out: Edits['data'] = [];
  for (const list of after.ir.lists) {
    const old = before.ir.lists.find((l) => l.name === list.name);
    if (!old) continue;
    const was = new Set(old.values);
    const now = new Set(list.values);
    const added = [...now].filter((v) => !was.has(v)).length;
    const removed = [...was].filter((v) => !now.has(v)).length;
    if (added + removed > 0)
      out.push({
        what: `list ${list.name}`,
        note: counts([
          [added, 'value added'],
          [removed, 'value removed'],
        ]),
      });
  }
  return out;
}

function scheduleEdits(before: CompiledEntry, after: CompiledEntry): Edits['data'] {
  const out: Edits['data'] = [];
  for (const s of after.table.schedules) {
    const old = before.table.schedules.find((o) => o.name === s.name);
    if (!old) continue;
    const notes = [
      old.week === s.week ? '' : 'opening hours',
      JSON.stringify(old.closed) === JSON.stringify(s.closed) ? '' : 'closed dates',
    ].filter(Boolean);
    if (notes.length > 0)
      out.push({ what: `hours ${s.name}`, note: `${notes.join(' and ')} changed` });
  }
  return out;
}

function tableEdits(before: CompiledEntry, after: CompiledEntry): Edits['data'] {
  const out: Edits['data'] = [];
  for (const t of after.ir.tables) {
    const old = before.ir.tables.find((o) => o.path.text === t.path.text);
    if (!old) continue;
    const rows = (table: typeof t) => {
      const m = new Map<number, string>();
      const keys = table.keys!;
      for (let i = 0; i < keys.length; i++)
        m.set(keys[i]!, JSON.stringify(table.targets[table.target![i]!]));
      return m;
    };
    const a = rows(old);
    const b = rows(t);
    let changed = 0;
    let added = 0;
    for (const [k, v] of b) {
      if (!a.has(k)) added++;
      else if (a.get(k) !== v) changed++;
    }
    const removed = [...a.keys()].filter((k) => !b.has(k)).length;
    if (changed + added + removed > 0) {
      const note = counts([
        [changed, 'row changed'],
        [added, 'row added'],
        [removed, 'row removed'],
      ]);
      out.push({ what: `table ${t.path.text}`, note });
    }
  }
  return out;
}

function configEdits(before: CompiledEntry, after: CompiledEntry): string[] {
  const a = before.table;
  const b = after.table;
  const out: string[] = [];
  if (a.answer.format !== b.answer.format)
    out.push(`answer.format ${a.answer.format} → ${b.answer.format}`);
  if (a.answer.field !== b.answer.field)
    out.push(`answer.field ${a.answer.field} → ${b.answer.field}`);
  if (!a.auth && b.auth) out.push('auth added: calls now need ?key=');
  else if (a.auth && !b.auth) out.push('auth removed: calls no longer need a key');
  else if (a.auth && b.auth && a.auth.keySha256 !== b.auth.keySha256) out.push('auth key rotated');
  if (JSON.stringify(a.default) !== JSON.stringify(b.default)) out.push('default changed');
  if (a.timezone !== b.timezone)
    out.push(`timezone ${a.timezone ?? 'none'} → ${b.timezone ?? 'none'}`);
  return out;
}

function counts(parts: [number, string][]): string {
  return parts
    .filter(([n]) => n > 0)
    .map(
      ([n, word]) => `${n.toLocaleString('en')} ${n === 1 ? word : word.replace(/^(\w+)/, '$1s')}`,
    )
    .join(', ');
}
