import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/router/decide.ts';
import { explain } from '../../src/router/explain.ts';
import { compileTables } from '../support/compiled.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/router/', import.meta.url));
const table = compileTables(FIXTURES).get('explain')!;
/** Wednesday 25 March 2026, 10:00 in Kyiv: inside office hours. */
const WEDNESDAY_MORNING = Date.parse('2026-03-25T08:00:00Z');
/** Sunday 29 March 2026, 02:30 in Kyiv: outside office hours. */
const SUNDAY_NIGHT = Date.parse('2026-03-29T00:30:00Z');

function why(params: Params, now = SUNDAY_NIGHT) {
  const { decision, time, skipped } = explain(table, params, now);
  return { rule: decision.rule?.id ?? null, target: decision.target, time, skipped };
}

describe('explain', () => {
  it('gives the failing test of every rule when the default answers', () => {
    const call = {
      caller: '380501234567',
      source: 'google',
      medium: 'organic',
      callnum: '2',
      date: '2026-03-25 10:00:00',
    };
    expect(why(call)).toEqual({
      rule: null,
      target: { kind: 'schema', schema: 1 },
      time: 'date 2026-03-25 10:00:00 (Europe/Kyiv)',
      skipped: [
        { rule: 'blocked', reason: 'caller in list blocked: no (caller is "380501234567")' },
        { rule: 'manager', reason: 'table lists/managers.csv: no row for caller "380501234567"' },
        {
          rule: 'kyiv',
          reason: 'caller starts with "38044" or "38045": no (caller is "380501234567")',
        },
        { rule: 'ads', reason: 'medium one of "cpc", "ppc": no (medium is "organic")' },
        { rule: 'pricing', reason: 'lastpage contains "/pricing": no (lastpage is absent)' },
        { rule: 'repeat', reason: 'callnum >= 3 and <= 10: no (callnum is "2")' },
        { rule: 'anonymous', reason: 'caller is absent: no (caller is "380501234567")' },
        {
          rule: 'abroad-after-hours',
          reason: 'caller not (starts with "380"): no (caller is "380501234567")',
        },
      ],
    });
  });

  it('names the hours when they are what failed, after every parameter test held', () => {
    const { rule, skipped } = why({ caller: '+38 (044) 123-45-67', date: '2026-03-25 20:00:00' });
    expect(rule).toBe(null);
    expect(skipped.slice(1, 4)).toEqual([
      { rule: 'manager', reason: 'hours office: no (outside those hours)' },
      { rule: 'kyiv', reason: 'hours office: no (outside those hours)' },
      { rule: 'ads', reason: 'source = "google": no (source is absent)' },
    ]);
    expect(skipped[5]).toEqual({
      rule: 'repeat',
      reason: 'callnum >= 3 and <= 10: no (callnum is absent)',
    });
  });

  it('says a negated schedule failed because the call is inside those hours', () => {
    const { rule, skipped } = why({ caller: '77011234567' }, WEDNESDAY_MORNING);
    expect(rule).toBe(null);
    expect(skipped.at(-1)).toEqual({
      rule: 'abroad-after-hours',
      reason: 'hours not office: no (inside those hours)',
    });
  });

  it('gives the answering rule and explains only the rules before it', () => {
    expect(why({ caller: '77011234567' })).toEqual({
      rule: 'abroad-after-hours',
      target: { kind: 'schema', schema: 8 },
      time: 'now, 2026-03-29T00:30:00.000Z (Europe/Kyiv)',
      skipped: [
        { rule: 'blocked', reason: 'caller in list blocked: no (caller is "77011234567")' },
        { rule: 'manager', reason: 'hours office: no (outside those hours)' },
        {
          rule: 'kyiv',
          reason: 'caller starts with "38044" or "38045": no (caller is "77011234567")',
        },
        { rule: 'ads', reason: 'source = "google": no (source is absent)' },
        { rule: 'pricing', reason: 'lastpage contains "/pricing": no (lastpage is absent)' },
        { rule: 'repeat', reason: 'callnum >= 3 and <= 10: no (callnum is absent)' },
        { rule: 'anonymous', reason: 'caller is absent: no (caller is "77011234567")' },
      ],
    });
  });

  it('answers from a caller table row, with nothing skipped before the first rule', () => {
    expect(why({ caller: '380661234567', date: '2026-03-25 10:00:00' })).toMatchObject({
      rule: 'manager',
      target: { kind: 'to', to: '380441111122,380441111123' },
      skipped: [
        { rule: 'blocked', reason: 'caller in list blocked: no (caller is "380661234567")' },
      ],
    });
    expect(why({ caller: '380441112233' }).skipped).toEqual([]);
  });

  it('shows an empty parameter as "" and an absent one as absent', () => {
    const { rule, time, skipped } = why({ caller: ' ', lastpage: 'x' }, WEDNESDAY_MORNING);
    expect([rule, time]).toEqual(['anonymous', 'now, 2026-03-25T08:00:00.000Z (Europe/Kyiv)']);
    expect(skipped.map((s) => s.reason)).toEqual([
      'caller in list blocked: no (caller is "")',
      'table lists/managers.csv: no row for caller ""',
      'caller starts with "38044" or "38045": no (caller is "")',
      'source = "google": no (source is absent)',
      'lastpage contains "/pricing": no (lastpage is "x")',
      'callnum >= 3 and <= 10: no (callnum is absent)',
    ]);
  });

  it('reads an invalid date as now, and says so', () => {
    expect(why({ caller: '77011234567', date: '2026-02-30 10:00:00' }).time).toBe(
      'now, 2026-03-29T00:30:00.000Z (Europe/Kyiv); date "2026-02-30 10:00:00" is not YYYY-MM-DD HH:MM:SS, so it was ignored',
    );
  });
});
