// The same generated rules in json-rules-engine, set up the way its documentation suggests for
// first-match routing: one priority per rule (file order), and `engine.stop()` on the first
// success. Prefix, substring and hours tests need custom operators; they are written as plainly
// as a user would write them.
import { Engine, type RuleProperties } from 'json-rules-engine';
import { type GenRule, type GenRules, type GenTest, SCHEDULES } from './generate.ts';

/** A ready engine and the call that routes through it. */
export interface JreRouter {
  engine: Engine;
  /** The id of the first matching rule, or null for the default. */
  route(call: Record<string, string>): Promise<string | null>;
}

/** Builds the engine for `gen` (which must not use a caller table). */
export function jreRouter(gen: GenRules): JreRouter {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const weeks = new Map(Object.keys(SCHEDULES).map((name) => [name, weekOf(name)]));
  engine.addOperator(
    'startsWith',
    (a: unknown, b: string) => typeof a === 'string' && a.startsWith(b),
  );
  engine.addOperator(
    'includesText',
    (a: unknown, b: string) => typeof a === 'string' && a.includes(b),
  );
  engine.addOperator('inHours', (a: unknown, b: string) => isOpen(weeks.get(b)!, a));
  engine.addOperator('outsideHours', (a: unknown, b: string) => !isOpen(weeks.get(b)!, a));
  const total = gen.rules.length;
  gen.rules.forEach((rule, i) => {
    engine.addRule(ruleOf(rule, total - i, gen));
  });
  let winner: string | null = null;
  engine.on('success', (event) => {
    if (winner === null) winner = (event.params as { rule: string }).rule;
    engine.stop();
  });
  return {
    engine,
    async route(call) {
      winner = null;
      await engine.run(call);
      return winner;
    },
  };
}

function ruleOf(rule: GenRule, priority: number, gen: GenRules): RuleProperties {
  if (rule.route && 'table' in rule.route) throw new Error('json-rules-engine: no caller tables');
  const all: { fact: string; operator: string; value: unknown }[] = rule.tests.map((t) =>
    conditionOf(t, gen),
  );
  if (rule.hours) {
    const operator = rule.hours.negate ? 'outsideHours' : 'inHours';
    all.push({ fact: 'date', operator, value: rule.hours.name });
  }
  return {
    conditions: { all },
    event: { type: 'route', params: { rule: rule.id } },
    priority,
  };
}

function conditionOf(t: GenTest, gen: GenRules) {
  switch (t.op) {
    case 'eq':
      return t.values.length === 1
        ? { fact: t.param, operator: 'equal', value: t.values[0] }
        : { fact: t.param, operator: 'in', value: t.values };
    case 'in':
      return { fact: t.param, operator: 'in', value: gen.lists.get(t.list)! };
    case 'prefix':
      return { fact: t.param, operator: 'startsWith', value: t.value };
    case 'contains':
      return { fact: t.param, operator: 'includesText', value: t.value };
    case 'min':
      return { fact: t.param, operator: 'greaterThanInclusive', value: t.value };
  }
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Week {
  open: Uint8Array;
  closed: Set<string>;
}

/** Minute-of-week bitmap of a SCHEDULES entry (the forms the generator writes). */
function weekOf(name: string): Week {
  const open = new Uint8Array(7 * 1440);
  let closed = new Set<string>();
  for (const [days, ranges] of Object.entries(SCHEDULES[name]!)) {
    if (days === 'closed') {
      closed = new Set(ranges as string[]);
      continue;
    }
    const [from, to = from] = days.split('-').map((d) => DAYS.indexOf(d));
    for (let d = from!; d <= to!; d++) {
      for (const range of [ranges].flat()) {
        const [a, b] = range.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
        open.fill(1, d * 1440 + a!, d * 1440 + b!);
      }
    }
  }
  return { open, closed };
}

/** Whether a `YYYY-MM-DD HH:MM:SS` local time is open (absent or bad dates count as closed). */
function isOpen(week: Week, date: unknown): boolean {
  if (typeof date !== 'string') return false;
  const at = new Date(`${date.slice(0, 10)}T${date.slice(11, 16)}:00Z`);
  if (Number.isNaN(at.getTime()) || week.closed.has(date.slice(0, 10))) return false;
  const minute = ((at.getUTCDay() + 6) % 7) * 1440 + at.getUTCHours() * 60 + at.getUTCMinutes();
  return week.open[minute] === 1;
}
