// One line of a CSV file, split into fields with RFC 4180 double quotes ("" inside a quoted
// field is one "). Records are single lines: a quoted field may not span lines, since no caller
// or destination contains a line break. indexOf-based, with one reused Fields object, because
// caller tables reach millions of lines.

/** Field texts (trimmed, unquoted), their 1-based columns and whether they were quoted; reused for every line. */
export interface Fields {
  texts: string[];
  cols: number[];
  quoted: boolean[];
  count: number;
}

/** A syntax problem at a 1-based column of the line. */
export interface CsvProblem {
  col: number;
  message: string;
}

/** An empty Fields to pass to splitFields. */
export function newFields(): Fields {
  return { texts: [], cols: [], quoted: [], count: 0 };
}

/** Splits one CSV line into `fields`; returns the first syntax problem, if any. */
export function splitFields(raw: string, fields: Fields): CsvProblem | null {
  fields.count = 0;
  for (let from = 0; ; ) {
    let i = from;
    while (i < raw.length && (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9)) i++;
    let next: number;
    if (raw.charCodeAt(i) === 34 /* " */) {
      const quoted = readQuoted(raw, i, fields);
      if (typeof quoted === 'object') return quoted;
      next = quoted;
    } else {
      const comma = raw.indexOf(',', i);
      next = comma < 0 ? raw.length : comma;
      push(fields, raw.slice(i, next).trim(), i + 1, false);
    }
    if (next >= raw.length) return null;
    from = next + 1;
    if (from === raw.length) {
      push(fields, '', from + 1, false);
      return null;
    }
  }
}

/** Reads a quoted field opening at `open`; returns the index after it, or the syntax problem. */
function readQuoted(s: string, open: number, fields: Fields): number | CsvProblem {
  let value = '';
  let i = open + 1;
  for (;;) {
    const close = s.indexOf('"', i);
    if (close < 0) return { col: open + 1, message: 'unterminated quoted field' };
    value += s.slice(i, close);
    if (s.charCodeAt(close + 1) !== 34) {
      push(fields, value, open + 1, true);
      let j = close + 1;
      while (j < s.length && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
      if (j < s.length && s.charCodeAt(j) !== 44 /* , */) {
        return { col: j + 1, message: 'unexpected text after a closing quote' };
      }
      return j;
    }
    value += '"';
    i = close + 2;
  }
}

function push(fields: Fields, text: string, col: number, quoted: boolean): void {
  fields.texts[fields.count] = text;
  fields.cols[fields.count] = col;
  fields.quoted[fields.count] = quoted;
  fields.count++;
}
