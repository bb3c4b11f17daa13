import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCallerTable, parseDestination } from '../../../src/compiler/load/caller-table.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/values/${name}`, import.meta.url), 'utf8');
const usage = '(write it with the country code, like 380441111111)';

describe('parseCallerTable', () => {
  it('reads callers and destinations past the header, comments and blank lines', () => {
    const { rows, problems } = parseCallerTable(fixture('managers.csv'), 'managers.csv');
    expect(rows).toEqual([
      { caller: '380441112233', target: { kind: 'to', to: '380441111111' }, line: 3 },
      {
        caller: '380501234567',
        target: { kind: 'to', to: '380441111111,380441111112' },
        line: 4,
      },
      { caller: '380671234567', target: { kind: 'to', to: 'sip/ads@pbx.example.com' }, line: 5 },
      { caller: '77012345678', target: { kind: 'schema', schema: 26077 }, line: 7 },
      {
        caller: '380931234567',
        target: { kind: 'to', to: 'sip:manager@pbx.example.com:5060' },
        line: 8,
      },
    ]);
    expect(problems).toEqual([]);
  });

  it('reports every bad row at the field that is wrong', () => {
    const { rows, problems } = parseCallerTable(fixture('managers-bad.csv'), 'm.csv');
    expect(rows).toEqual([
      { caller: '380441112233', target: { kind: 'to', to: '380441111111' }, line: 2 },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'm.csv:3:1: duplicate caller 380441112233 (first on line 2)',
      `m.csv:4:1: caller "0441112233" is not a valid international phone number ${usage}`,
      'm.csv:5:13: expected 2 columns (caller,destination), found 1',
      'm.csv:6:27: expected 2 columns (caller,destination), found 3',
      'm.csv:7:14: empty destination',
      'm.csv:8:1: empty caller',
      `m.csv:9:14: "0441111111" is not a valid international phone number ${usage}`,
      `m.csv:10:28: "12345" is not a valid international phone number ${usage}`,
      'm.csv:11:14: "schema:0" is not a valid schema (expected schema:N with N a positive integer)',
      'm.csv:12:14: unterminated quoted field',
      'm.csv:13:29: unexpected text after a closing quote',
      'm.csv:14:14: "sip/ads" is not a valid SIP destination (expected sip/user@host or sip:user@host)',
      'm.csv:15:1: caller "3800441112299" has a national prefix after the country code (write it as 380441112299)',
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('tolerates a byte order mark, CRLF line ends and a header in any case', () => {
    const text = '\uFEFF Caller , DESTINATION \r\n380441112233,380441111111\r\n';
    const { rows, problems } = parseCallerTable(text, 't.csv');
    expect(rows).toEqual([
      { caller: '380441112233', target: { kind: 'to', to: '380441111111' }, line: 2 },
    ]);
    expect(problems).toEqual([]);
  });

  it('reads the first row as data when it is not the header', () => {
    const { rows } = parseCallerTable('380441112233,schema:7\n', 't.csv');
    expect(rows).toEqual([
      { caller: '380441112233', target: { kind: 'schema', schema: 7 }, line: 1 },
    ]);
  });

  it.each([
    ['a misspelt header', 'caller,destinaton', '"caller,destinaton"'],
    ['a header in other words', 'Phone, Manager ', '"Phone,Manager"'],
    ['a header with a third column', 'caller,destination,comment', '"caller,destination,comment"'],
  ])('reports %s once, as a header problem', (_what, header, got) => {
    const text = `# managers\n${header}\n380441112233,380441111111\n`;
    const { rows, problems } = parseCallerTable(text, 't.csv');
    expect(problems.map(formatProblem)).toEqual([
      `t.csv:2:1: the first row looks like a header but is not "caller,destination" (got ${got})`,
    ]);
    expect(rows).toEqual([
      { caller: '380441112233', target: { kind: 'to', to: '380441111111' }, line: 3 },
    ]);
  });

  it('treats a header-like row after the first as data', () => {
    const { problems } = parseCallerTable('380441112233,schema:7\ncaller,destination', 't.csv');
    expect(problems.map(formatProblem)).toEqual([
      `t.csv:2:1: caller "caller" is not a valid international phone number ${usage}`,
      't.csv:2:8: "destination" is neither a phone number nor a SIP destination (expected an international number like 380441111111, or sip/user@host)',
    ]);
  });

  it('unescapes doubled quotes inside quoted fields', () => {
    const { rows, problems } = parseCallerTable('380441112233,"sip/a""b@pbx"', 't.csv');
    expect(rows).toEqual([
      { caller: '380441112233', target: { kind: 'to', to: 'sip/a"b@pbx' }, line: 1 },
    ]);
    expect(problems).toEqual([]);
  });

  it('gives rows with the same destination the same Target object', () => {
    const { rows } = parseCallerTable('380441112233,schema:5\n380441112234,schema:5', 't.csv');
    expect(rows[0]?.target).toBe(rows[1]?.target);
  });

  it('parses a generated 100k-row table without problems', () => {
    const lines = ['caller,destination'];
    const destinations = ['380441111111', '380441111111;380441111112', 'schema:26076', 'sip/a@pbx'];
    for (let i = 0; i < 100_000; i++) {
      lines.push(`38050${String(1_000_000 + i)},${destinations[i % destinations.length]}`);
    }
    const { rows, problems } = parseCallerTable(lines.join('\n'), 'big.csv');
    expect(problems).toEqual([]);
    expect(rows.length).toBe(100_000);
    expect(rows[99_999]).toEqual({
      caller: '380501099999',
      target: { kind: 'to', to: 'sip/a@pbx' },
      line: 100_001,
    });
  });
});

describe('parseDestination', () => {
  it.each([
    ['schema:26076', { kind: 'schema', schema: 26076 }],
    ['Schema: 12', { kind: 'schema', schema: 12 }],
    ['380441111111', { kind: 'to', to: '380441111111' }],
    ['380441111111; +380 44 111 11 12', { kind: 'to', to: '380441111111,380441111112' }],
    ['380441111111;sip/a@pbx', { kind: 'to', to: '380441111111,sip/a@pbx' }],
  ])('reads %j', (written, target) => {
    expect(parseDestination(written)).toEqual(target);
  });

  it.each([
    ['schema:', 0, '"schema:" is not a valid schema (expected schema:N with N a positive integer)'],
    [
      'schema:1.5',
      0,
      '"schema:1.5" is not a valid schema (expected schema:N with N a positive integer)',
    ],
    ['380441111111;', 13, 'empty destination'],
  ])('refuses %j', (written, offset, message) => {
    expect(parseDestination(written)).toEqual([{ offset, message }]);
  });
});
