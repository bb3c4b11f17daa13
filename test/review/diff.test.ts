import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { diffRoutes, type WebhookDiff } from '../../src/review/diff.ts';
import { diffMarkdown, MAX_COMMENT } from '../../src/review/diff-report.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'routes-diff-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let made = 0;

/** The diff of the example routes against a copy edited by `edit` (file -> [from, to] pairs). */
function diffAfter(
  edits: Record<string, [string, string][]>,
  extra: Record<string, string> = {},
): WebhookDiff[] {
  const dir = join(scratch, `edit-${++made}`);
  cpSync(EXAMPLE_ROUTES, dir, { recursive: true });
  for (const [file, pairs] of Object.entries(edits)) {
    let text = readFileSync(join(dir, file), 'utf8');
    for (const [from, to] of pairs) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, file), text);
  }
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  return diffRoutes(compileAll(EXAMPLE_ROUTES), compileAll(dir));
}

/** The classes of one webhook as `when: before -> after` lines. */
function lines(diffs: WebhookDiff[], webhook: string): string[] {
  return diffs
    .find((d) => d.webhook === webhook)!
    .classes.map(
      (c) => `${c.when}: ${c.before} -> ${c.after}${c.example ? `, e.g. ${c.example}` : ''}`,
    );
}

describe('diffRoutes', () => {
  it('finds no change when nothing changed', () => {
    const diffs = diffAfter({});
    expect(diffs.map((d) => [d.webhook, d.status, d.classes.length])).toEqual([
      ['sales', 'unchanged', 0],
      ['support', 'unchanged', 0],
    ]);
  });

  it('says in words which calls a changed destination moves, and the rule behind it', () => {
    const diffs = diffAfter({
      'sales.yaml': [['route: { to: ["380441111199"] }', 'route: { to: ["380441111198"] }']],
    });
    expect(lines(diffs, 'sales')).toEqual([
      'caller in vip (380671112233, 380931234567, 77011234567): to 380441111199 (rule "vip") -> to 380441111198 (rule "vip")',
    ]);
    expect(diffs[0]!.edits!.rules.changed).toEqual(['vip']);
  });

  it('names the hour a longer Saturday opens, per rule that now answers in it', () => {
    const diffs = diffAfter({ 'sales.yaml': [['sat: "10:00-14:00"', 'sat: "10:00-15:00"']] });
    expect(lines(diffs, 'sales')).toContain(
      'Sat 14:00-15:00, caller 38044*: schema 26076 (default) -> to 380441111111,380441111112 (rule "kyiv-office-hours")',
    );
    expect(lines(diffs, 'sales')).toContain(
      'Sat 14:00-15:00, callnum >= 3: schema 26076 (default) -> to 380441111113 (rule "repeat-callers")',
    );
    expect(diffs[0]!.edits!.data).toEqual([
      { what: 'hours office', note: 'opening hours changed' },
    ]);
  });

  it('finds a changed row of a caller table, only in the hours the rule holds', () => {
    const diffs = diffAfter({
      'lists/managers.csv': [['380509876543,380441111121', '380509876543,380441111124']],
    });
    expect(lines(diffs, 'sales')).toEqual([
      'in hours office, caller 380509876543: to 380441111121 (rule "personal-manager") -> to 380441111124 (rule "personal-manager")',
    ]);
    expect(diffs[0]!.edits!.data).toEqual([
      { what: 'table lists/managers.csv', note: '1 row changed' },
    ]);
  });

  it('lists added webhooks and rules, and the calls a new rule takes', () => {
    const diffs = diffAfter(
      {
        'support.yaml': [
          [
            'rules:\n',
            'rules:\n  - id: vip-line\n    when: { caller: "380671112233" }\n    route: { schema: 7 }\n',
          ],
        ],
      },
      { 'ads.yaml': 'default: { schema: 5 }\n' },
    );
    expect(diffs.find((d) => d.webhook === 'ads')?.status).toBe('added');
    const support = diffs.find((d) => d.webhook === 'support')!;
    expect(support.edits!.rules.added).toEqual(['vip-line']);
    expect(lines(diffs, 'support')).toContain(
      'in hours support, caller 380671112233: to 380441110000 (default) -> schema 7 (rule "vip-line")',
    );
  });

  it('says "no behavioural change" for rules reordered where they do not overlap', () => {
    // `blocked` and `vip` name different callers, so their order does not matter.
    const blocked =
      '  - id: blocked\n    description: Known spam callers go to the blocking scheme\n    when: { caller: { in: blocked } }\n    route: { schema: 111 }\n\n';
    const diffs = diffAfter({
      'sales.yaml': [
        [blocked, ''],
        ['  - id: personal-manager', `${blocked}  - id: personal-manager`],
      ],
    });
    const d = diffs.find((x) => x.webhook === 'sales')!;
    expect(d.edits!.rules.moved).toEqual(['blocked']);
    expect(d.classes).toEqual([]);
    expect(diffMarkdown('main', diffs, true)).toContain(
      'No behavioural change: every call gets the answer it got before.',
    );
  });

  it('says "no behavioural change" for a renamed list', () => {
    const diffs = diffAfter({
      'sales.yaml': [
        ['  blocked: ["380', '  spam: ["380'],
        ['{ in: blocked }', '{ in: spam }'],
      ],
    });
    expect(diffs.find((d) => d.webhook === 'sales')!.classes).toEqual([]);
  });

  it('reports settings: a rotated key without printing it, and a new default', () => {
    const diffs = diffAfter({
      'support.yaml': [
        [
          '  to: ["380441110000"] # the support queue',
          '  to: ["380441110009"]\nauth:\n  key_sha256: 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8',
        ],
      ],
    });
    const support = diffs.find((d) => d.webhook === 'support')!;
    expect(support.edits!.config).toEqual(['auth added: calls now need ?key=', 'default changed']);
    expect(lines(diffs, 'support')).toEqual([
      'in hours support: to 380441110000 (default) -> to 380441110009 (default)',
    ]);
  });

  it('gives the share of split callers a new weight moves', () => {
    const diffs = diffAfter({
      'sales.yaml': [
        ['{ weight: 70, to', '{ weight: 50, to'],
        ['{ weight: 30, schema', '{ weight: 50, schema'],
      ],
    });
    const split = diffs[0]!.classes.find((c) => c.share !== null)!;
    expect([split.when, split.share]).toEqual(['campaign spring', 20]);
  });
});

describe('diffMarkdown', () => {
  it('counts ten thousand changed table rows in one line and stays under the comment limit', () => {
    const rows = (dest: string) =>
      [
        'caller,destination',
        ...Array.from({ length: 10_000 }, (_, i) => `38050${String(1_000_000 + i)},${dest}`),
      ].join('\n');
    const dir = (name: string, dest: string) => {
      const d = join(scratch, name);
      cpSync(EXAMPLE_ROUTES, d, { recursive: true });
      writeFileSync(join(d, 'lists', 'managers.csv'), `${rows(dest)}\n`);
      return d;
    };
    const diffs = diffRoutes(
      compileAll(dir('big-a', '380441111121')),
      compileAll(dir('big-b', '380441111124')),
    );
    const sales = diffs.find((d) => d.webhook === 'sales')!;
    expect(sales.classes.map((c) => c.when)).toEqual([
      'in hours office, caller 380501000000, 380501000001 and 9,998 more',
    ]);
    expect(sales.edits!.data).toEqual([
      { what: 'table lists/managers.csv', note: '10,000 rows changed' },
    ]);
    expect(diffMarkdown('main', diffs, true).length).toBeLessThan(MAX_COMMENT);
  });
});
