// The values the handler fuzz sends, read from a webhook's YAML through the reference interpreter's
// view of it: for every parameter a rule tests, values that hold its test, values that just miss
// it, and the written variants the contract says compare equal. Random values alone would almost
// never reach a rule, and a fuzz that only ever meets the default proves little.
import type { RefWebhook } from './reference.ts';

type Yaml = string | Yaml[] | { [key: string]: Yaml };

/** Parameter names and the values worth sending for each; `caller` and `date` always included. */
export function vocabulary(hook: RefWebhook): Map<string, string[]> {
  const values = new Map<string, Set<string>>([
    ['caller', new Set(['', '380441112233', 'anonymous'])],
    ['date', new Set(DATES)],
  ]);
  const add = (param: string, more: string[]) => {
    const set = values.get(param) ?? new Set(['', 'zz-other']);
    for (const v of more) set.add(v);
    values.set(param, set);
  };
  const doc = hook.doc as { rules?: { when?: Record<string, Yaml> }[] };
  for (const rule of doc.rules ?? []) {
    for (const [param, test] of Object.entries(rule.when ?? {})) {
      if (param === 'hours' || param === 'during') continue;
      add(param, testValues(hook, test));
    }
  }
  for (const table of hook.tables.values()) add('caller', [...table.keys()]);
  return new Map([...values].map(([name, set]) => [name, [...set]]));
}

// Valid times across the week of 2026-11-23 (Monday) at the edges of typical office hours, a
// closed day, and dates that are not dates (the call then happens at the handler's clock).
const DATES = [
  ...['23', '24', '25', '26', '27', '28', '29'].flatMap((day) =>
    ['07:59:59', '08:00:00', '09:00:00', '13:59:00', '17:59:59', '18:00:00', '22:30:00'].map(
      (time) => `2026-11-${day} ${time}`,
    ),
  ),
  '2026-12-25 10:00:00',
  ' 2026-11-24 10:00:00 ',
  '2026-02-30 10:00:00',
  '2026-11-24 24:00:00',
  '2026-11-24 10:60:00',
  '24.11.2026 10:00',
  'yesterday',
];

function testValues(hook: RefWebhook, test: Yaml): string[] {
  if (typeof test === 'string') return variants(test);
  if (Array.isArray(test)) return test.flatMap((t) => testValues(hook, t));
  if (test.not !== undefined) return testValues(hook, test.not);
  if (test.in !== undefined) return (hook.lists.get(`${test.in}`) ?? []).flatMap(variants);
  if (test.prefix !== undefined) {
    return strings(test.prefix).flatMap((p) => [p, `${p}1234567`, p.slice(0, -1), ` ${p}99 `]);
  }
  if (test.contains !== undefined) {
    return strings(test.contains).flatMap((s) => [`https://example.com${s}?utm=1`, s.slice(1)]);
  }
  if (test.exists !== undefined) return ['yes', ' ', '0'];
  return numbers(test);
}

/** A value as written and as Ringostat or a person might send it. */
function variants(value: string): string[] {
  const out = [value, ` ${value} `, `${value}x`];
  if (/^[0-9]{8,}$/.test(value)) {
    out.push(
      `+${value}`,
      `+${value.slice(0, 2)} (${value.slice(2, 5)}) ${value.slice(5, 8)}-${value.slice(8)}`,
    );
  }
  return out;
}

/** Numbers around `min`/`max`, and strings that only look like numbers. */
function numbers(test: { [key: string]: Yaml }): string[] {
  const bounds = [test.min, test.max].filter((b): b is string => typeof b === 'string');
  const near = bounds.flatMap((b) => {
    const n = Number(b);
    return [b, String(n - 1), String(n + 1), String(n + 0.5), `${b}.0`, ` ${b} `];
  });
  return [...near, '-3', '0', '1e3', '(7)', 'abc', '1 000'];
}

function strings(value: Yaml): string[] {
  return (Array.isArray(value) ? value : [value]).map((v) => `${v}`);
}
