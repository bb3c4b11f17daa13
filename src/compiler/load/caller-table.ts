// Per-caller tables (`route: { table: lists/managers.csv }`): CSV `caller,destination`, where the
// destination is numbers separated by `;`, a SIP string, or `schema:N` (docs/language.md). Tables reach
// millions of rows, so lines are split with indexOf rather than regexes, each distinct
// destination text is checked once and shares one Target object across its rows, and duplicate
// callers are found by sorting numeric keys (a 1M-entry Map costs 3x more, measured).
import { keyOf } from '../../router/normalize.ts';
import type { Target } from '../../router/types.ts';
import { checkDestination, checkPhone } from '../lower/phone.ts';
import { error, type Problem } from '../problem.ts';
import { type Fields, newFields, splitFields } from './csv-line.ts';

/** One table row: the caller's digits and the destination it is routed to. */
export interface CallerRow {
  caller: string;
  target: Target;
  line: number;
}

/** Parses and checks a caller table; never throws, every problem is located. Rows share Target objects: do not mutate them. */
export function parseCallerTable(
  text: string,
  file: string,
): { rows: CallerRow[]; problems: Problem[] } {
  const table: TableState = { file, rows: [], problems: [], destinations: new Map(), callers: [] };
  const fields = newFields();
  let first = true;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const raw = text.slice(start, text.charCodeAt(end - 1) === 13 && end > start ? end - 1 : end);
    start = end + 1;
    if (isBlankOrComment(raw)) continue;
    const bad = splitFields(raw, fields);
    if (bad !== null) {
      table.problems.push(error({ file, line, col: bad.col }, bad.message));
    } else if (first && looksLikeHeader(fields)) {
      if (!isHeader(fields)) table.problems.push(headerProblem(file, line, fields));
    } else {
      addRow(table, fields, line, raw.length);
    }
    first = false;
  }
  dropDuplicates(table);
  return { rows: table.rows, problems: table.problems };
}

interface TableState {
  file: string;
  rows: CallerRow[];
  problems: Problem[];
  /** Destination text -> its checked form, so repeated destinations are checked once. */
  destinations: Map<string, Target | Located[]>;
  /** Every valid caller in file order, also those whose destination is bad. */
  callers: Caller[];
}
/** A valid caller; `row` indexes `rows`, or is -1 when the row's destination is bad. */
interface Caller {
  digits: string;
  line: number;
  col: number;
  row: number;
}
/** A problem inside one field: `offset` characters after the field's content starts. */
export interface Located {
  offset: number;
  message: string;
}

function addRow(table: TableState, fields: Fields, line: number, length: number): void {
  const { file, problems } = table;
  if (fields.count !== 2) {
    const col = fields.count > 2 ? (fields.cols[2] as number) : length + 1;
    const message = `expected 2 columns (caller,destination), found ${fields.count}`;
    problems.push(error({ file, line, col }, message));
    return;
  }
  const caller = checkCaller(table, fields, line);
  const written = fields.texts[1] as string;
  const at = { file, line, col: (fields.cols[1] as number) + (fields.quoted[1] ? 1 : 0) };
  let target = table.destinations.get(written);
  if (target === undefined) {
    target = parseDestination(written);
    table.destinations.set(written, target);
  }
  if (Array.isArray(target)) {
    for (const p of target) problems.push(error({ ...at, col: at.col + p.offset }, p.message));
  } else if (caller !== null) {
    caller.row = table.rows.length;
    table.rows.push({ caller: caller.digits, target, line });
  }
}

/** The caller, or null after reporting why it is unusable. */
function checkCaller(table: TableState, fields: Fields, line: number): Caller | null {
  const written = fields.texts[0] as string;
  const at = { file: table.file, line, col: fields.cols[0] as number };
  if (written === '') {
    table.problems.push(error(at, 'empty caller'));
    return null;
  }
  const checked = checkPhone(written);
  if (!checked.ok) {
    table.problems.push(error(at, `caller ${checked.message}`));
    return null;
  }
  const caller = { digits: checked.value, line, col: at.col, row: -1 };
  table.callers.push(caller);
  return caller;
}

/** Reports each repeated caller at its later line, naming the first, and drops those rows. */
function dropDuplicates(table: TableState): void {
  const { callers } = table;
  // Fast check first: callers longer than 15 digits all get key -1, so two of them also take
  // the exact path below, which compares digits.
  const keys = Float64Array.from(callers, (c) => keyOf(c.digits)).sort();
  if (keys.every((k, i) => i === 0 || k !== keys[i - 1])) return;
  const firstLine = new Map<string, number>();
  const dropped = new Set<number>();
  for (const { digits, line, col, row } of callers) {
    const seen = firstLine.get(digits);
    if (seen === undefined) {
      firstLine.set(digits, line);
      continue;
    }
    const message = `duplicate caller ${digits} (first on line ${seen})`;
    table.problems.push(error({ file: table.file, line, col }, message));
    if (row >= 0) dropped.add(row);
  }
  table.rows = table.rows.filter((_, i) => !dropped.has(i));
  table.problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Checks a destination: `schema:N`, or `;`-separated numbers / SIP strings. */
export function parseDestination(written: string): Target | Located[] {
  if (written === '') return [{ offset: 0, message: 'empty destination' }];
  if (/^schema\s*:/i.test(written)) {
    const n = written.slice(written.indexOf(':') + 1).trim();
    if (/^[1-9]\d*$/.test(n) && Number.isSafeInteger(Number(n))) {
      return { kind: 'schema', schema: Number(n) };
    }
    const message = `"${written}" is not a valid schema (expected schema:N with N a positive integer)`;
    return [{ offset: 0, message }];
  }
  const values: string[] = [];
  const problems: Located[] = [];
  for (let from = 0; from <= written.length; ) {
    const semi = written.indexOf(';', from);
    const end = semi < 0 ? written.length : semi;
    const part = written.slice(from, end);
    const offset = from + (part.length - part.trimStart().length);
    const checked = checkDestination(part);
    if (checked.ok) values.push(checked.value);
    else problems.push({ offset, message: checked.message });
    from = end + 1;
  }
  return problems.length > 0 ? problems : { kind: 'to', to: values.join(',') };
}

// A first row whose caller has no digit cannot be a caller: it is a header, written right or not.
function looksLikeHeader(fields: Fields): boolean {
  const caller = fields.texts[0] as string;
  return caller !== '' && !/\d/.test(caller);
}

function headerProblem(file: string, line: number, fields: Fields): Problem {
  const got = fields.texts.slice(0, fields.count).join(',');
  const message = `the first row looks like a header but is not "caller,destination" (got "${got}")`;
  return error({ file, line, col: fields.cols[0] as number }, message);
}

function isHeader(fields: Fields): boolean {
  return (
    fields.count === 2 &&
    (fields.texts[0] as string).toLowerCase() === 'caller' &&
    (fields.texts[1] as string).toLowerCase() === 'destination'
  );
}

function isBlankOrComment(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c > 32) return c === 35; /* # */
  }
  return true;
}
