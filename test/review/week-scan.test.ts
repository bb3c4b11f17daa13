import { describe, expect, it } from 'vitest';
import { clock, mondayOf, scanWeek, WeekStartError } from '../../src/review/week-scan.ts';
import { compileWebhook } from '../support/compile-webhook.ts';

const HOTLINE = `timezone: Europe/Kyiv
default: { to: ["380441110000"] }
hours:
  late: { sun-mon: "23:50-00:10" }
rules:
  - id: late
    when: { hours: late }
    route: { split: [{ weight: 1, schema: 1 }, { weight: 1, schema: 2 }] }
`;

const hotline = compileWebhook(HOTLINE);

describe('scanWeek', () => {
  it('finds the minutes each rule answers, across midnight, with the answer the caller gets (split bucket 1 of 2)', () => {
    const scan = scanWeek(hotline, { caller: '380501112234' }, '2026-11-23');
    expect(scan.days.map((d) => [d.date, d.segments])).toEqual([
      [
        '2026-11-23',
        [
          { from: 0, to: 10, rule: 'late' },
          { from: 10, to: 1430, rule: null },
          { from: 1430, to: 1440, rule: 'late' },
        ],
      ],
      [
        '2026-11-24',
        [
          { from: 0, to: 10, rule: 'late' },
          { from: 10, to: 1440, rule: null },
        ],
      ],
      ...['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'].map((date) => [
        date,
        [{ from: 0, to: 1440, rule: null }],
      ]),
      [
        '2026-11-29',
        [
          { from: 0, to: 1430, rule: null },
          { from: 1430, to: 1440, rule: 'late' },
        ],
      ],
    ]);
    expect(scan.answers).toEqual([
      { rule: 'late', answer: 'schema 2' },
      { rule: null, answer: 'to 380441110000' },
    ]);
  });

  it.each([
    ['2026-11-24', '2026-11-24 is not a Monday (the week to draw starts on its Monday)'],
    ['2026-02-30', '"2026-02-30" is not a date YYYY-MM-DD'],
    ['next week', '"next week" is not a date YYYY-MM-DD'],
  ])('refuses to start a week on %s', (monday, message) => {
    expect(() => scanWeek(hotline, {}, monday)).toThrow(new WeekStartError(message));
  });
});

describe('mondayOf', () => {
  it.each([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2027-01-01', '2026-12-28'],
  ])('puts %s in the week of Monday %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });
});

describe('clock', () => {
  it.each([
    [0, '00:00'],
    [570, '09:30'],
    [1440, '24:00'],
  ])('writes minute %i as %s', (minute, text) => {
    expect(clock(minute)).toBe(text);
  });
});
