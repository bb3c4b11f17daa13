import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { run as week } from '../../src/cli/week.ts';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { weekGrid } from '../../src/review/week.ts';
import { runCli } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';

const sales = compileAll(EXAMPLE_ROUTES).webhooks.find((w) => w.name === 'sales')!;
const caller = { caller: '380447654321' };

describe('routes week', () => {
  it('draws the week holding --week as a Markdown table by default', async () => {
    const argv = [
      'sales',
      'caller=380447654321',
      '--routes',
      EXAMPLE_ROUTES,
      '--week',
      '2026-11-26',
    ];
    expect(await runCli(week, argv)).toEqual({
      code: 0,
      stdout: weekGrid(sales, caller, { monday: '2026-11-23' }),
      stderr: '',
    });
  });

  it.each(['mermaid', 'text'] as const)('draws it as %s with --format', async (format) => {
    const argv = [
      'sales',
      'caller=380447654321',
      '--routes',
      EXAMPLE_ROUTES,
      '--week',
      '2026-11-23',
    ];
    expect(await runCli(week, [...argv, '--format', format])).toEqual({
      code: 0,
      stdout: weekGrid(sales, caller, { monday: '2026-11-23', format }),
      stderr: '',
    });
  });

  it('draws the current week without --week', async () => {
    const out = await runCli(week, ['sales', '--routes', EXAMPLE_ROUTES, '--format', 'text']);
    expect([out.code, out.stderr, out.stdout.split('\n')[0]]).toEqual([
      0,
      '',
      expect.stringMatching(/^sales: any call, week of \d{4}-\d{2}-\d{2} \(Europe\/Kyiv\)$/),
    ]);
  });

  it('names the webhooks there are when the one asked for is missing, and exits 1', async () => {
    expect(await runCli(week, ['nope', '--routes', EXAMPLE_ROUTES])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'week: no usable webhook "nope" (webhooks: sales, support)\n',
    });
  });

  it.each([
    [[], 'usage: routes week <webhook> key=value ... (e.g. caller=380441112233)'],
    [['sales', 'caller'], 'expected key=value, got "caller"'],
    [
      ['sales', 'date=2026-11-23 10:00:00'],
      "week varies the call's time itself: leave out date= (pick the week with --week)",
    ],
    [['sales', '--week', '23.11.2026'], '--week: "23.11.2026" is not a date YYYY-MM-DD'],
    [['sales', '--format', 'html'], '--format must be markdown, mermaid or text, got "html"'],
  ])('exits 2 for %j', async (argv, message) => {
    expect(await runCli(main, ['week', ...argv, '--routes', EXAMPLE_ROUTES])).toEqual({
      code: 2,
      stdout: '',
      stderr: `routes week: ${message}\n`,
    });
  });
});
