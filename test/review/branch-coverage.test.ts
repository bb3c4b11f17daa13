import { describe, expect, it } from 'vitest';
import { loadEntry } from '../../src/compiler/pipeline.ts';
import { BranchCoverage } from '../../src/review/branch-coverage.ts';
import { decide } from '../../src/router/decide.ts';
import { compileWebhook } from '../support/compile-webhook.ts';

// A negated schedule, a date window, a split rule, a table rule and a split default. Callers
// 380501112235 and 380501112234 hash to split buckets 0 and 1 of 2.
const HOTLINE = `timezone: Europe/Kyiv
default:
  split: [{ weight: 1, schema: 1 }, { weight: 1, schema: 2 }]
hours:
  office: { mon-fri: "09:00-18:00" }
rules:
  - id: night
    when: { source: ads, hours: { not: office } }
    route: { schema: 10 }
  - id: campaign
    when: { during: { from: "2026-11-27", until: "2026-11-28" } }
    route: { split: [{ weight: 1, schema: 20 }, { weight: 1, schema: 21 }] }
  - id: managers
    when: { hours: office }
    route: { table: lists/managers.csv }
`;

const entry = compileWebhook(HOTLINE, 'hotline', {
  'lists/managers.csv': 'caller,destination\n380661234567,380441111122\n',
});
const window = 'the window from 2026-11-27 00:00 until 2026-11-28 00:00';

function covered(calls: Record<string, string>[]): [string, boolean][] {
  const table = loadEntry(entry);
  const coverage = new BranchCoverage(entry.table);
  for (const call of calls) coverage.record(decide(table, call, 0, coverage.trace()));
  return coverage.branches.map((b) => [b.name, b.reached]);
}

describe('BranchCoverage', () => {
  it('lists every answer, split branch and side of a time condition, all unreached at first', () => {
    expect(covered([])).toEqual([
      ['night', false],
      ['night inside hours office', false],
      ['night outside hours office', false],
      ['campaign branch 1 (schema 20)', false],
      ['campaign branch 2 (schema 21)', false],
      [`campaign inside ${window}`, false],
      [`campaign outside ${window}`, false],
      ['managers', false],
      ['managers inside hours office', false],
      ['managers outside hours office', false],
      ['the default branch 1 (schema 1)', false],
      ['the default branch 2 (schema 2)', false],
    ]);
  });

  it('marks what the trace shows: conditions before the failing one held, later ones untried', () => {
    expect(
      covered([
        // night answers: `not office` held, so the call was outside office hours.
        { caller: '380501112235', source: 'ads', date: '2026-11-24 20:00:00' },
        // night fails on source (its hours untried); campaign's split picks branch 2.
        { caller: '380501112234', date: '2026-11-27 10:00:00' },
        // outside the window; managers answers from its table.
        { caller: '380661234567', date: '2026-11-24 10:00:00' },
        // managers' conditions hold but its table has no row: the default's branch 1 answers.
        { caller: '380501112235', date: '2026-11-24 10:00:00' },
      ]),
    ).toEqual([
      ['night', true],
      ['night inside hours office', false],
      ['night outside hours office', true],
      ['campaign branch 1 (schema 20)', false],
      ['campaign branch 2 (schema 21)', true],
      [`campaign inside ${window}`, true],
      [`campaign outside ${window}`, true],
      ['managers', true],
      ['managers inside hours office', true],
      ['managers outside hours office', false],
      ['the default branch 1 (schema 1)', true],
      ['the default branch 2 (schema 2)', false],
    ]);
  });
});
