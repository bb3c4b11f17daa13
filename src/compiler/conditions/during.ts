// Build-time half of `during: { from, until }` (run time: src/router/conditions/during.ts).
import { calendarDay, epochMinute, localTimeAt } from '../../router/clock.ts';
import { type DuringData, localMinute } from '../../router/conditions/during.ts';
import type { YNode } from '../load/load-yaml.ts';
import type { TextAt } from '../model/ir.ts';
import { error, type Loc, warning } from '../problem.ts';
import { type CompilerCondition, type LowerContext, noAnchor, opaque } from './condition.ts';

/** One window as written. */
interface WindowSpec {
  from: TextAt | null;
  until: TextAt | null;
  loc: Loc;
}

/** `during` as written. */
export interface DuringSpec {
  windows: WindowSpec[];
  loc: Loc;
}

const CLOCK = /^ ([01]\d|2[0-3]):([0-5]\d)$/;

/** Build-time half of `during`. */
export const during: CompilerCondition<DuringSpec, DuringData> = {
  form: { whenKey: 'during' },
  parse: (node) => ({
    windows: (node.kind === 'seq' ? node.items : [node]).map(windowSpec),
    loc: node.loc,
  }),
  resolve(spec, ctx) {
    ctx.needsTimezone(spec.loc);
  },
  lower(spec, ctx) {
    const windows: DuringData['windows'] = [];
    let ok = true;
    for (const w of spec.windows) {
      const from = w.from && minuteOf(w.from, ctx);
      const until = w.until && minuteOf(w.until, ctx);
      if (from === undefined || until === undefined) {
        ok = false;
        continue;
      }
      if (from !== null && until !== null && from >= until) {
        const why = `the window from ${w.from!.text} until ${w.until!.text} is empty: until must come after from`;
        ctx.problems.push(error(w.loc, `${ctx.what}: ${why}`));
        ok = false;
        continue;
      }
      warnIfOver(w, until, ctx);
      windows.push({ from, until });
    }
    return ok ? { op: 'during', windows } : null;
  },
  // Both sides of every window end.
  witnesses: (data) => ({
    named: [],
    others: data.windows.flatMap((w) =>
      [w.from, w.until]
        .filter((m): m is number => m !== null)
        .flatMap((m) => [m - 1, m].map((x) => `${localMinute(x)}:00`)),
    ),
  }),
  // Date windows are not modelled: the analysis only lets identical windows cover each other.
  shadow: (data) => opaque(JSON.stringify(data)),
  anchor: noAnchor,
};

function windowSpec(node: YNode): WindowSpec {
  const bound = (key: string): TextAt | null => {
    const value = node.kind === 'map' ? node.entries.get(key)?.value : undefined;
    return value?.kind === 'scalar' ? { text: value.text, loc: value.loc } : null;
  };
  return { from: bound('from'), until: bound('until'), loc: node.loc };
}

/** The local minute a bound names; undefined (reported) when it is no real date and time. */
function minuteOf(bound: TextAt, ctx: LowerContext): number | undefined {
  const day = calendarDay(bound.text.slice(0, 10));
  const clock = bound.text.length === 10 ? [] : CLOCK.exec(bound.text.slice(10));
  if (day === null || clock === null) {
    const why = `"${bound.text}" is not a local date YYYY-MM-DD or date and time YYYY-MM-DD HH:MM`;
    ctx.problems.push(error(bound.loc, `${ctx.what}: ${why}`));
    return undefined;
  }
  return day * 1440 + Number(clock[1] ?? 0) * 60 + Number(clock[2] ?? 0);
}

// A window that has ended matches no call any more: most likely a campaign left behind.
function warnIfOver(w: WindowSpec, until: number | null, ctx: LowerContext): void {
  if (until === null || ctx.timezone === null) return;
  let now: number;
  try {
    now = epochMinute(localTimeAt(Date.now(), ctx.timezone));
  } catch {
    return;
  }
  if (until > now) return;
  const why = `the window until ${w.until!.text} has ended, so it matches no call`;
  ctx.problems.push(warning(w.loc, `${ctx.what}: ${why}`));
}
