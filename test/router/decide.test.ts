import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { decide, type Params } from '../../src/router/decide.ts';
import { loadTable, type Table } from '../../src/router/table.ts';
import type { TableData } from '../../src/router/table-data.ts';
import { compileTables } from '../support/compiled.ts';
import { createRng, randomCall, randomNow } from '../support/random-values.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/router/', import.meta.url));
const ROUTES = fileURLToPath(new URL('../fixtures/routes/', import.meta.url));
const tables = compileTables(FIXTURES);
/** Sunday 29 March 2026, 02:30 in Kyiv: outside office hours. */
const SUNDAY_NIGHT = Date.parse('2026-03-29T00:30:00Z');

/** The id of the rule that answers (null for the default) and the scheme it answers with. */
function answer(webhook: string, params: Params, now = SUNDAY_NIGHT): [string | null, unknown] {
  const { rule, target } = decide(tables.get(webhook)!, params, now);
  return [rule?.id ?? null, target.kind === 'schema' ? target.schema : target.to];
}

describe('decide', () => {
  it.each<[string, Params, string | null, number]>([
    [
      'a scanned rule before an indexed one answers first',
      { source: 'google', medium: 'cpc' },
      'wide-google',
      10,
    ],
    ['a rule with no index anchor is still tried', { source: 'yahoo' }, 'wide-google', 10],
    [
      'the first of two matching indexed rules answers',
      { source: 'google', medium: 'email' },
      'google',
      11,
    ],
    [
      'a rule indexed on another parameter answers when earlier ones fail',
      { source: 'facebook', medium: 'email' },
      'email',
      12,
    ],
    [
      'an equality anchor before a prefix anchor answers first',
      { source: 'bing', medium: 'email' },
      'email',
      12,
    ],
    ['a prefix-anchored rule answers when earlier ones fail', { source: 'bing' }, 'bing', 13],
    ['nothing matching gives the default', { source: 'yandex' }, null, 1],
  ])('answers in file order: %s', (_, params, rule, schema) => {
    expect(answer('first-match', params)).toEqual([rule, schema]);
  });

  it.each<[string, Params, string | null, number]>([
    ['the longest prefix when it is written first', { caller: '380441112233' }, 'kyiv-centre', 20],
    [
      'the first rule even when shorter prefixes also match',
      { caller: '380441112233', medium: 'ppc' },
      'kyiv-centre',
      20,
    ],
    [
      'a shorter prefix written before a longer one',
      { caller: '380449998877', medium: 'ppc' },
      'ukraine-ppc',
      21,
    ],
    ['the longer prefix when the shorter rule fails', { caller: '380449998877' }, 'kyiv', 22],
    ['a prefix match on a formatted number', { caller: '+38 (044) 999-88-77' }, 'kyiv', 22],
    ['any prefix of a list', { caller: '77011234567' }, 'ukraine-or-kazakhstan', 23],
    ['a value shorter than the longer prefixes', { caller: '3804' }, 'ukraine-or-kazakhstan', 23],
    ['no rule for a value shorter than every prefix', { caller: '38' }, null, 1],
    ['no rule for an absent caller', {}, null, 1],
    ['no rule for a caller that is not a number', { caller: 'anonymous' }, null, 1],
  ])('matches prefixes through the trie: %s', (_, params, rule, schema) => {
    expect(answer('prefix', params)).toEqual([rule, schema]);
  });

  it.each<[Params, string | null, number]>([
    [{ caller: '+38 (044) 111-22-33' }, 'blocked', 30],
    [{ caller: '380501234567' }, 'blocked', 30],
    [{ caller: ' 38-050-123-45-67 ' }, 'blocked', 30],
    [{ caller: '380441112233 ext. 2' }, null, 1],
    [{ campaign: '0441' }, 'code', 31],
    [{ campaign: ' 0441 ' }, 'code', 31],
    [{ campaign: '(0441)' }, 'code', 31],
    [{ campaign: '441' }, null, 1],
    [{ ivrnum: '007' }, 'quoted-id', 32],
    [{ ivrnum: '7' }, null, 1],
    [{ source: 'Google' }, 'capital', 33],
    [{ source: 'google' }, null, 1],
  ])(
    'compares trimmed values, phone numbers by their digits, case-sensitively: %j',
    (params, rule, schema) => {
      expect(answer('values', params)).toEqual([rule, schema]);
    },
  );

  it.each<[Params, string | null, number]>([
    [{ medium: 'email' }, 'no-source', 40],
    [{ medium: 'email', source: '' }, 'no-source', 40],
    [{ medium: 'email', source: '  ' }, 'no-source', 40],
    [{ medium: 'email', source: 'x' }, 'has-source', 41],
    [{ medium: 'referral' }, 'not-ivr-2', 42],
    [{ medium: 'referral', ivrnum: '3' }, 'not-ivr-2', 42],
    [{ medium: 'referral', ivrnum: ' 2 ' }, null, 1],
    [{ medium: 'cpc', callnum: '0' }, 'counted', 43],
    [{ medium: 'cpc', callnum: '2.5' }, 'counted', 43],
    [{ medium: 'cpc' }, 'not-counted', 44],
    [{ medium: 'cpc', callnum: 'many' }, 'not-counted', 44],
    [{}, null, 1],
  ])('treats absent and empty parameters alike: %j', (params, rule, schema) => {
    expect(answer('absent', params)).toEqual([rule, schema]);
  });

  it.each<[string, Params, string, string | null]>([
    [
      'date inside hours wins over a night-time now',
      { date: '2026-03-25 10:00:00' },
      '2026-03-29T00:30:00Z',
      'office',
    ],
    [
      'the end of a range is exclusive',
      { date: '2026-03-25 18:00:00' },
      '2026-03-25T08:00:00Z',
      null,
    ],
    [
      'the last second before the end is inside',
      { date: '2026-03-25 17:59:59' },
      '2026-03-29T00:30:00Z',
      'office',
    ],
    [
      'a closed date is closed all day',
      { date: '2026-03-27 10:00:00' },
      '2026-03-25T08:00:00Z',
      null,
    ],
    [
      'a date with spaces around it is trimmed',
      { date: ' 2026-03-25 10:00:00 ' },
      '2026-03-29T00:30:00Z',
      'office',
    ],
    ['without a date, now in Kyiv (10:00, UTC+2)', {}, '2026-03-25T08:00:00Z', 'office'],
    ['without a date, now in Kyiv (08:30, UTC+2)', {}, '2026-03-25T06:30:00Z', null],
    [
      'without a date, now after the DST change (09:30, UTC+3)',
      {},
      '2026-03-30T06:30:00Z',
      'office',
    ],
    [
      'an impossible date falls back to now (open)',
      { date: '2026-02-30 10:00:00' },
      '2026-03-25T08:00:00Z',
      'office',
    ],
    [
      'an impossible date falls back to now (closed)',
      { date: '2026-02-30 10:00:00' },
      '2026-03-29T00:30:00Z',
      null,
    ],
  ])('reads the call time from date, else now: %s', (_, params, now, rule) => {
    expect(answer('hours', params, Date.parse(now))[0]).toBe(rule);
  });

  it('gives the same answers without its index as with it', () => {
    // Every rule moved to `scan`: decide then tries them all in file order, the naive way.
    const rng = createRng(7);
    for (const dir of [FIXTURES, ROUTES]) {
      for (const hook of compileAll(dir).webhooks) {
        const read = (file: string) => hook.files.get(file)!;
        const indexed = loadTable(hook.table, read);
        const scanned = loadTable(unindexed(hook.table), read);
        for (let i = 0; i < 500; i++) {
          const call = randomCall(rng, {
            caller: ['380449998877', '380661234567', '380631234567'],
          });
          const now = randomNow(rng);
          expect(summary(scanned, call, now), `${hook.name} ${JSON.stringify(call)}`).toEqual(
            summary(indexed, call, now),
          );
        }
      }
    }
  });
});

function unindexed(table: TableData): TableData {
  return { ...table, index: { params: [], scan: table.rules.map((_, i) => i) } };
}

function summary(table: Table, call: Params, now: number): unknown {
  const { rule, target } = decide(table, call, now);
  return [rule?.id ?? null, target];
}
