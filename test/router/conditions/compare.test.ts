import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, type Params } from '../../../src/router/decide.ts';
import { compileTables } from '../../support/compiled.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/compare/', import.meta.url));
const table = compileTables(FIXTURES).get('compare')!;

function rule(params: Params): string | null {
  return decide(table, params, 0).rule?.id ?? null;
}

describe('value comparison', () => {
  it.each<[string, Params, string | null]>([
    ['min/max keep the sign: -3 is below max -1', { score: '-3' }, 'negative-score'],
    ['min/max keep the decimal point', { score: '-1.0' }, 'negative-score'],
    ['a value in parentheses is not a number', { score: '(7)' }, null],
    ['min/max do not read a phone number as digits', { score: '-3-' }, null],
    [
      'a phone-like prefix holds for a date as written',
      { date: '2026-11-24 10:00:00' },
      'november',
    ],
    ['a phone-like prefix does not hold for another month', { date: '2026-12-01 10:00:00' }, null],
    ['two phone numbers compare by digits', { caller: '380441112233' }, 'kyiv-written'],
    ['a formatted caller compares by digits too', { caller: '+38 044 111 22 33' }, 'kyiv-written'],
    ['a text prefix reads a phone number as written', { ivrnum: '+38 044-11' }, 'dashed'],
    ['a text value is matched as written', { ivrnum: 'room-2' }, 'dashed'],
    ['a digits-only phone number has no dash', { ivrnum: '3804411' }, null],
    ['"+" alone is text, and starts a number written with +', { fullnum: '+380441112233' }, 'plus'],
    ['"+" alone does not start the same number without +', { fullnum: '380441112233' }, null],
    ['a local-looking prefix matches text as written', { promo: '044-spring' }, 'code'],
    ['and phone numbers by digits', { promo: '(044) 12' }, 'code'],
  ])('%s', (_name, params, expected) => {
    expect(rule(params)).toBe(expected);
  });
});
