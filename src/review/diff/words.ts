// Regions of calls and answers in words, the way a reviewer says them: `Sat 14:00-15:00`,
// `caller 38044*`, `schema 26076 (default)`. Conditions are phrased by kind (a table keyed by
// kind, so a new kind without a phrase is a type error).
import type { ConditionData, ConditionKind } from '../../router/conditions/registry.ts';
import type { Answer } from './explore.ts';
import type { TimeAtom, TimePiece } from './time-atoms.ts';
import type { ValueAtom } from './value-atoms.ts';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** What a condition says about a value, short: `38044*`, `in vip`, `from KZ`. */
type Phrase<K extends ConditionKind> = (
  data: Extract<ConditionData, { op: K }>,
  lists: string[],
) => string;

const PHRASES: { [K in ConditionKind]: Phrase<K> } = {
  eq: (d) => `= ${d.values[0]}`,
  'any-of': (d) => `one of ${d.values.join(', ')}`,
  in: (d, lists) => `in ${lists[d.list]}`,
  prefix: (d) => d.values.map((v) => `${v}*`).join(' or '),
  contains: (d) => `contains ${d.values.map((v) => JSON.stringify(v)).join(' or ')}`,
  range: (d) =>
    [d.min === null ? '' : `>= ${d.min}`, d.max === null ? '' : `<= ${d.max}`]
      .filter(Boolean)
      .join(' and '),
  exists: (d) => (d.value ? 'present' : 'absent'),
  not: (d, lists) => `not ${phrase(d.inner, lists)}`,
  country: (d) => `from ${d.codes.join(' or ')}`,
  hours: () => 'hours',
  during: (d) =>
    `during ${d.windows.map((w) => `${w.from === null ? '' : `from ${minuteText(w.from)} `}${w.until === null ? '' : `until ${minuteText(w.until)}`}`.trim()).join(' or ')}`,
};

/** A condition in a few words. */
export function phrase(data: ConditionData, lists: string[]): string {
  return (PHRASES[data.op] as Phrase<typeof data.op>)(data as never, lists);
}

/** An answer: `to 380441111111 (rule "vip")`, `schema 26076 (default)`, `split 70% ... / 30% ...`. */
export function describeAnswer(answer: Answer): string {
  const by = answer.rule === null ? 'default' : `rule "${answer.rule}"`;
  if (answer.kind === 'target') return `${target(answer.target)} (${by})`;
  let from = 0;
  const parts = answer.branches.map((b) => {
    const share = Math.round(((b.upTo - from) / answer.total) * 1000) / 10;
    from = b.upTo;
    return `${share}% ${target(b.target)}`;
  });
  return `split ${parts.join(' / ')} (${by})`;
}

function target(
  t: Answer extends infer A ? (A extends { target: infer T } ? T : never) : never,
): string {
  return t.kind === 'to' ? `to ${t.to}` : `schema ${t.schema}`;
}

/**
 * A class of values of `dim`, from what the conditions on it say (`facts`: condition, truth);
 * `positive` when it says what the values are, not only what they are not.
 */
export function describeValues(
  dim: string,
  atom: ValueAtom,
  facts: { data: ConditionData; holds: boolean; lists: string[] }[],
): { text: string; positive: boolean } {
  const named = atom.members;
  const lists = facts
    .filter((f) => f.holds && f.data.op === 'in')
    .map((f) => phrase(f.data, f.lists));
  if (!atom.open && lists.length > 0) {
    const count =
      named.length <= 3 ? named.join(', ') : `${named.length.toLocaleString('en')} values`;
    return { text: `${dim} ${[...new Set(lists)].join(', ')} (${count})`, positive: true };
  }
  if (!atom.open && named.length > 0) {
    const more = (named.length - 2).toLocaleString('en');
    const shown =
      named.length <= 3 ? named.join(' or ') : `${named.slice(0, 2).join(', ')} and ${more} more`;
    return { text: `${dim} ${shown}`, positive: true };
  }
  const yes = facts
    .filter((f) => f.holds && !isNegative(f.data))
    .map((f) => phrase(f.data, f.lists));
  if (yes.length > 0) return { text: `${dim} ${[...new Set(yes)].join(', ')}`, positive: true };
  const no = [...new Set(facts.filter((f) => !f.holds).map((f) => phrase(f.data, f.lists)))];
  if (no.length === 0) return { text: `any ${dim}`, positive: false };
  const rest = no.length > 3 ? ', ...' : '';
  return { text: `${dim} not ${no.slice(0, 3).join(', not ')}${rest}`, positive: false };
}

/** True for conditions that hold by not matching (`not`, `exists: false`). */
function isNegative(data: ConditionData): boolean {
  return data.op === 'not' || (data.op === 'exists' && !data.value);
}

/** A class of call times: `Sat 14:00-15:00`, `Mon-Fri 18:00-24:00; 2026-01-01 any time`. */
export function describeTimes(atoms: TimeAtom[]): string {
  const pieces = atoms.flatMap((a) => a.pieces);
  const bySpan = new Map<string, TimePiece[]>();
  for (const p of pieces) {
    const key = JSON.stringify(p.span);
    bySpan.set(key, [...(bySpan.get(key) ?? []), p]);
  }
  const parts = [...bySpan.values()].map((group) => {
    const label = spanLabel(group[0]!.span);
    const generic = group.filter((p) => p.date === null);
    const dated = group.filter((p) => p.date !== null && !repeatsWeekday(p, group, generic));
    const text = [...genericDays(generic), ...datedDays(dated)].join(', ');
    return label ? `${label}: ${text}` : text;
  });
  return parts.join('; ');
}

/** True when a dated piece's whole day reads like its generic weekday (nothing to add). */
function repeatsWeekday(piece: TimePiece, group: TimePiece[], generic: TimePiece[]): boolean {
  const spans = (ps: TimePiece[]) => JSON.stringify(merge(ps.map((p) => [p.from, p.to])));
  const sameDay = group.filter((p) => p.date === piece.date);
  const weekday = generic.filter((p) => p.weekday === piece.weekday);
  return weekday.length > 0 && spans(sameDay) === spans(weekday);
}

function spanLabel([from, until]: [number | null, number | null]): string {
  const at = (m: number) => minuteText(m);
  if (from === null && until === null) return '';
  if (from === null) return `before ${at(until!)}`;
  if (until === null) return `from ${at(from)}`;
  return `${at(from)} to ${at(until)}`;
}

/** Generic pieces grouped by their minutes, days compressed (`Mon-Fri 09:00-18:00`). */
function genericDays(pieces: TimePiece[]): string[] {
  const byDay = new Map<number, [number, number][]>();
  for (const p of pieces) byDay.set(p.weekday, [...(byDay.get(p.weekday) ?? []), [p.from, p.to]]);
  const ranges = new Map<string, number[]>();
  for (const [day, spans] of byDay) {
    const key = merge(spans)
      .map(([a, b]) => (a === 0 && b === 1440 ? 'any time' : `${clock(a)}-${clock(b)}`))
      .join(', ');
    ranges.set(key, [...(ranges.get(key) ?? []), day]);
  }
  return [...ranges].map(([text, days]) => `${dayList(days)} ${text}`);
}

function datedDays(pieces: TimePiece[]): string[] {
  const byDate = new Map<string, [number, number][]>();
  for (const p of pieces) byDate.set(p.date!, [...(byDate.get(p.date!) ?? []), [p.from, p.to]]);
  return [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([date, spans]) =>
        `${date} ${merge(spans)
          .map(([a, b]) => (a === 0 && b === 1440 ? 'any time' : `${clock(a)}-${clock(b)}`))
          .join(', ')}`,
    );
}

function merge(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** `Mon-Fri`, `Sat, Mon`, or `every day`. */
function dayList(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(
      j > i + 1
        ? `${DAYS[sorted[i]!]}-${DAYS[sorted[j]!]}`
        : sorted
            .slice(i, j + 1)
            .map((d) => DAYS[d])
            .join(', '),
    );
    i = j + 1;
  }
  return runs.join(', ');
}

function clock(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function minuteText(m: number): string {
  const day = Math.floor(m / 1440);
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  const rest = m - day * 1440;
  return rest === 0 ? date : `${date} ${clock(rest)}`;
}
