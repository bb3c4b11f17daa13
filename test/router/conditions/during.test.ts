import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, type Params } from '../../../src/router/decide.ts';
import { explain } from '../../../src/router/explain.ts';
import { compileTables } from '../../support/compiled.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/kinds/', import.meta.url));
const table = compileTables(FIXTURES).get('during')!;

function rule(params: Params, now = 0): string | null {
  return decide(table, params, now).rule?.id ?? null;
}

describe('during', () => {
  it.each<[string, string, string | null]>([
    ['the minute the campaign starts', '2030-11-29 09:00:00', 'black-friday'],
    ['a second before it', '2030-11-29 08:59:59', null],
    ['its last minute', '2030-12-01 23:59:59', 'black-friday'],
    ['the date `until` names, which is exclusive', '2030-12-02 00:00:00', null],
  ])('reads the date parameter in the webhook timezone: %s', (_name, date, expected) => {
    expect(rule({ campaign: 'black-friday', date })).toBe(expected);
  });

  it.each<[string, string, string | null]>([
    ['02:45 before Kyiv springs forward', '2030-03-31T00:45:00Z', 'dst-night'],
    ['04:15 just after it (03:00-03:59 never happens)', '2030-03-31T01:15:00Z', 'dst-night'],
    ['04:30, the exclusive end', '2030-03-31T01:30:00Z', null],
    ['02:29 before the window', '2030-03-31T00:29:00Z', null],
  ])('reads the current time DST-correctly: %s', (_name, iso, expected) => {
    expect(rule({}, Date.parse(iso))).toBe(expected);
  });

  it.each<[string, string, string | null]>([
    ['the first opening', '2030-06-02 10:00:00', 'openings'],
    ['between the openings', '2030-06-05 12:00:00', null],
    ['the second opening', '2030-06-09 13:59:00', 'openings'],
    ['a window without until, from its first minute on', '2031-01-01 00:00:00', 'from-2031'],
    ['and years later', '2040-05-05 12:00:00', 'from-2031'],
  ])('holds in any window of a list, and for open ends: %s', (_name, date, expected) => {
    expect(rule({ date })).toBe(expected);
  });

  it('explains a window that did not hold with the call time', () => {
    const { skipped } = explain(table, { campaign: 'black-friday', date: '2030-12-05 10:00' }, 0);
    expect(skipped[0]).toEqual({
      rule: 'black-friday',
      reason:
        'during from 2030-11-29 09:00 until 2030-12-02 00:00: no (the call is at 2030-12-05 10:00)',
    });
  });
});
