import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../../src/compiler/load/load-yaml.ts';
import { formatProblem } from '../../../src/compiler/problem.ts';
import { appendInPlace, validateRoutes } from '../../../src/compiler/validate/validate.ts';

const FILE = 'routes/sales.yaml';
const DEFAULT = 'default: { schema: 26076 }\n';

/** Validates `text` and returns the formatted problems. */
function validate(text: string): string[] {
  const source = loadYaml(FILE, text);
  expect(source.problems).toEqual([]);
  return validateRoutes(source).map(formatProblem);
}

/** A file with one rule whose `when` is `when` and whose route is `route`. */
function rule(when: string, route = '{ schema: 111 }'): string {
  return `${DEFAULT}rules:\n  - id: vip\n    when: ${when}\n    route: ${route}\n`;
}

describe('validateRoutes', () => {
  it('accepts a valid file', () => {
    expect(validate(rule('{ caller: { in: vip } }'))).toEqual([]);
  });

  it('reports an empty file at 1:1', () => {
    expect(validateRoutes(loadYaml(FILE, '')).map(formatProblem)).toEqual([
      `${FILE}:1:1: the file is empty: a webhook needs at least a \`default\` route`,
    ]);
  });

  it.each([
    [
      'at the top level',
      `${DEFAULT}rule: []\n`,
      '2:1: unknown key "rule" (allowed: description, timezone, answer, default, auth, hours, lists, rules)',
    ],
    [
      'in a rule',
      `${DEFAULT}rules:\n  - id: vip\n    iff: {}\n    route: { schema: 1 }\n`,
      '4:5: rules[0]: unknown key "iff" (allowed: id, description, when, route)',
    ],
    [
      'in a route',
      rule('{ a: b }', '{ sip: x }'),
      '5:14: rules[0].route: unknown key "sip" (allowed: to, schema, split, table)',
    ],
    [
      'in the answer',
      `${DEFAULT}answer: { fromat: json }\n`,
      '2:11: answer: unknown key "fromat" (allowed: field, format)',
    ],
    [
      'in a split branch',
      rule('{ a: b }', '{ split: [{ weight: 1, too: ["380441111111"] }] }'),
      '5:35: rules[0].route.split[0]: unknown key "too" (allowed: weight, to, schema)',
    ],
  ])('points an unknown key %s at the key', (_where, text, expected) => {
    expect(validate(text)).toEqual([`${FILE}:${expected}`]);
  });

  it('names the day keys a schedule takes when it has an unknown key', () => {
    const text = `${DEFAULT}hours:\n  office:\n    monday: "09:00-18:00"\n`;
    expect(validate(text)).toEqual([
      `${FILE}:4:5: hours.office: unknown key "monday" (a schedule maps days (mon, tue, wed, thu, fri, sat, sun) or day ranges (mon-fri) to "HH:MM-HH:MM" ranges, plus an optional \`closed\` list of dates)`,
    ]);
  });

  it.each([
    [
      'an unknown key in a test object',
      '{ caller: { in: vip, pre: x } }',
      '4:32: rules[0].when.caller: unknown key "pre" (allowed: in, prefix, contains, min, max, exists, not, country)',
    ],
    [
      'an unknown key inside not',
      '{ caller: { not: { inn: x } } }',
      '4:30: rules[0].when.caller.not: unknown key "inn" (allowed: in, prefix, contains, min, max, exists, not, country)',
    ],
    ['an empty value list', '{ caller: [] }', '4:21: rules[0].when.caller: must not be empty'],
    [
      'an empty prefix list',
      '{ caller: { prefix: [] } }',
      '4:31: rules[0].when.caller.prefix: must not be empty',
    ],
    [
      'a null test',
      '{ caller: null }',
      '4:21: rules[0].when.caller: a test is a value, a list of values, or one of { in | prefix | contains | min/max | exists | not | country }',
    ],
    [
      'hours given a list',
      '{ hours: [office] }',
      '4:20: rules[0].when.hours: `hours` takes a schedule name or { not: <schedule name> }',
    ],
    [
      'a list name that is not a name',
      '{ caller: { in: "vip list" } }',
      '4:27: rules[0].when.caller.in: must be a name made of letters, digits, _ . - (starting with a letter or digit)',
    ],
  ])('prunes anyOf to one clear message for %s', (_what, when, expected) => {
    expect(validate(rule(when))).toEqual([`${FILE}:${expected}`]);
  });

  it.each([
    [
      'to as a map',
      '{ to: {} }',
      '5:18: rules[0].route.to: `to` takes a phone number, a SIP string, or a list of them',
    ],
    ['an empty to', '{ to: [] }', '5:18: rules[0].route.to: must not be empty'],
    [
      'a schema as a string',
      '{ schema: "26076" }',
      '5:22: rules[0].route.schema: must be a positive integer (the ID of a Ringostat forwarding scheme)',
    ],
    [
      'a fractional schema',
      '{ schema: 1.5 }',
      '5:22: rules[0].route.schema: must be a positive integer (the ID of a Ringostat forwarding scheme)',
    ],
    [
      'a table that is not a CSV',
      '{ table: lists/x.txt }',
      '5:21: rules[0].route.table: must be the path of a .csv file (like lists/managers.csv)',
    ],
    ['an empty split', '{ split: [] }', '5:21: rules[0].route.split: must not be empty'],
  ])('reports %s at the value', (_what, route, expected) => {
    expect(validate(rule('{ a: b }', route))).toEqual([`${FILE}:${expected}`]);
  });

  it.each([
    [
      'a list path that is not .txt',
      'vip: lists/vip.csv',
      '3:8: lists.vip: must be the path of a .txt file (like lists/vip.txt) or a list of values',
    ],
    [
      'a list that is a number',
      'vip: 5',
      '3:8: lists.vip: a list is an array of values or the path of a .txt file (like lists/vip.txt)',
    ],
  ])('reports %s with the list message', (_what, list, expected) => {
    expect(validate(`${DEFAULT}lists:\n  ${list}\n`)).toEqual([`${FILE}:${expected}`]);
  });

  it.each([
    ['a missing default', 'description: x\n', '1:1: missing required key "default"'],
    [
      'a rule without id',
      `${DEFAULT}rules:\n  - route: { schema: 1 }\n`,
      '3:5: rules[0]: missing required key "id"',
    ],
    [
      'auth without key_sha256',
      `${DEFAULT}auth: {}\n`,
      '2:7: auth: missing required key "key_sha256"',
    ],
    ['rules as a map', `${DEFAULT}rules: {}\n`, '2:8: rules: must be an array'],
    ['a numeric description', `${DEFAULT}description: 5\n`, '2:14: description: must be a string'],
    ['a file that is a list', '- a\n', '1:1: must be an object'],
    [
      'an unknown answer format',
      `${DEFAULT}answer: { format: xml }\n`,
      '2:19: answer.format: must be one of: json, json-rpc, text',
    ],
    [
      'a default with a table',
      'default: { table: a.csv }\n',
      '1:12: default: unknown key "table" (allowed: to, schema, split)',
    ],
    [
      'a bad closed date',
      `${DEFAULT}hours:\n  office:\n    closed: ["1/1/2026"]\n`,
      '4:14: hours.office.closed[0]: must be a date YYYY-MM-DD',
    ],
  ])('reports %s', (_what, text, expected) => {
    expect(validate(text)).toEqual([`${FILE}:${expected}`]);
  });

  it('reports a fractional split weight once, though it fails both integer and minimum', () => {
    const route = '{ split: [{ weight: 0.5, to: ["380441111111"] }, { weight: 1, schema: 2 }] }';
    expect(validate(rule('{ a: b }', route))).toEqual([
      `${FILE}:5:32: rules[0].route.split[0].weight: a split weight must be a positive integer`,
    ]);
  });

  it('reports every violation in the file at once, in document order', () => {
    const text = `answer: { format: xml }\ndefault: { schema: 0 }\nrules:\n  - when: {}\n    route: {}\n`;
    expect(validate(text)).toEqual([
      `${FILE}:1:19: answer.format: must be one of: json, json-rpc, text`,
      `${FILE}:2:20: default.schema: must be a positive integer (the ID of a Ringostat forwarding scheme)`,
      `${FILE}:4:5: rules[0]: missing required key "id"`,
      `${FILE}:5:12: rules[0].route: a route takes exactly one of: to, schema, split, table`,
    ]);
  });
});

describe('validateRoutes messages found by the broken-config corpus', () => {
  it.each([
    [
      'an empty test object',
      'default: { schema: 1 }\nrules:\n  - id: a\n    when: { caller: {} }\n    route: { schema: 2 }\n',
      [
        'routes/sales.yaml:4:21: rules[0].when.caller: a test object takes one of: in, prefix, contains, min/max, exists, not, country',
      ],
    ],
    [
      'a type error below a test, rather than the generic test message',
      'default: { schema: 1 }\nrules:\n  - id: a\n    when: { caller: { min: "3" } }\n    route: { schema: 2 }\n',
      ['routes/sales.yaml:4:28: rules[0].when.caller.min: must be a number'],
    ],
    [
      'a list name that is not a name, at the key',
      'default: { schema: 1 }\nlists: { "bad name": [1] }\n',
      [
        'routes/sales.yaml:2:10: lists: key "bad name" must be a name made of letters, digits, _ . - (starting with a letter or digit)',
      ],
    ],
  ])('%s', (_what, yaml, expected) => {
    expect(validate(yaml)).toEqual(expected);
  });
});

describe('validateRoutes on files with very many errors', () => {
  it('leaves none of the error copying that ajv generates for the routes schema', () => {
    const generated: string[] = [];
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      allowUnionTypes: true,
      code: {
        process: (code) => {
          generated.push(code);
          return code;
        },
      },
    });
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    ajv.compile(JSON.parse(readFileSync('schema/routes.schema.json', 'utf8')));
    expect(generated.join('\n')).toContain('vErrors.concat(');
    expect(generated.map(appendInPlace).join('\n')).not.toContain('.concat(');
  });
});
