import { describe, expect, it } from 'vitest';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { weekGrid } from '../../src/review/week.ts';
import { compileWebhook } from '../support/compile-webhook.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
import { mermaidType } from '../support/mermaid.ts';

// Office hours that start and end inside an hour, and a date window from Friday noon.
const HOTLINE = `timezone: Europe/Kyiv
default: { schema: 26076 }
hours:
  office: { mon-fri: "09:30-18:00", sat: "10:00-14:45" }
rules:
  - id: black-friday
    when: { during: { from: "2026-11-27 12:00", until: "2026-11-28" } }
    route: { schema: 111 }
  - id: office
    when: { caller: { prefix: "38044" }, hours: office }
    route: { to: ["380441111111"] }
`;

const hotline = compileWebhook(HOTLINE);
const kyiv = { caller: '380447654321' };
const monday = '2026-11-23';

describe('weekGrid', () => {
  it('draws a Markdown table with equal hours merged and each change inside an hour at its minute', () => {
    expect(weekGrid(hotline, kyiv, { monday }).split('\n')).toEqual([
      '**hotline**: caller=380447654321, week of 2026-11-23 (Europe/Kyiv)',
      '',
      '| time | Mon 2026-11-23 | Tue 2026-11-24 | Wed 2026-11-25 | Thu 2026-11-26 | Fri 2026-11-27 | Sat 2026-11-28 | Sun 2026-11-29 |',
      '|---|---|---|---|---|---|---|---|',
      '| 00:00-09:00 | *default* | *default* | *default* | *default* | *default* | *default* | *default* |',
      '| 09:00-10:00 | *default*, from 09:30 office | *default*, from 09:30 office | *default*, from 09:30 office | *default*, from 09:30 office | *default*, from 09:30 office | *default* | *default* |',
      '| 10:00-12:00 | office | office | office | office | office | office | *default* |',
      '| 12:00-14:00 | office | office | office | office | black-friday | office | *default* |',
      '| 14:00-15:00 | office | office | office | office | black-friday | office, from 14:45 *default* | *default* |',
      '| 15:00-18:00 | office | office | office | office | black-friday | *default* | *default* |',
      '| 18:00-24:00 | *default* | *default* | *default* | *default* | black-friday | *default* | *default* |',
      '',
      '- black-friday: schema 111',
      '- office: to 380441111111',
      '- *default*: schema 26076',
      '',
    ]);
  });

  it('draws a terminal grid, a symbol per answer, and spells out every hour in which it changes', () => {
    expect(weekGrid(hotline, kyiv, { monday, format: 'text' }).split('\n')).toEqual([
      'hotline: caller=380447654321, week of 2026-11-23 (Europe/Kyiv)',
      '       00 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23',
      'Mon 23 .  .  .  .  .  .  .  .  .  .B B  B  B  B  B  B  B  B  .  .  .  .  .  .',
      'Tue 24 .  .  .  .  .  .  .  .  .  .B B  B  B  B  B  B  B  B  .  .  .  .  .  .',
      'Wed 25 .  .  .  .  .  .  .  .  .  .B B  B  B  B  B  B  B  B  .  .  .  .  .  .',
      'Thu 26 .  .  .  .  .  .  .  .  .  .B B  B  B  B  B  B  B  B  .  .  .  .  .  .',
      'Fri 27 .  .  .  .  .  .  .  .  .  .B B  B  A  A  A  A  A  A  A  A  A  A  A  A',
      'Sat 28 .  .  .  .  .  .  .  .  .  .  B  B  B  B  B. .  .  .  .  .  .  .  .  .',
      'Sun 29 .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .',
      '',
      'A black-friday: schema 111',
      'B office: to 380441111111',
      '. default: schema 26076',
      '',
      'answer changes inside an hour:',
      '  Mon 11-23 09:00-09:30 default, 09:30-10:00 office',
      '  Tue 11-24 09:00-09:30 default, 09:30-10:00 office',
      '  Wed 11-25 09:00-09:30 default, 09:30-10:00 office',
      '  Thu 11-26 09:00-09:30 default, 09:30-10:00 office',
      '  Fri 11-27 09:00-09:30 default, 09:30-10:00 office',
      '  Sat 11-28 14:00-14:45 office, 14:45-15:00 default',
      '',
    ]);
  });

  it('draws a Gantt chart, a section per day and a bar per stretch one rule answers', async () => {
    const gantt = weekGrid(hotline, kyiv, { monday, format: 'mermaid' });
    expect(gantt.split('\n').slice(0, 9)).toEqual([
      'gantt',
      '  title hotline: caller=380447654321, week of 2026-11-23 (Europe/Kyiv)',
      '  dateFormat HH:mm',
      '  axisFormat %H:%M',
      '  todayMarker off',
      '  section Mon 2026-11-23',
      '    default :done, 00:00, 570m',
      '    office :09:30, 510m',
      '    default :done, 18:00, 360m',
    ]);
    expect(gantt.split('\n').slice(21)).toEqual([
      '  section Fri 2026-11-27',
      '    default :done, 00:00, 570m',
      '    office :09:30, 150m',
      '    black-friday :12:00, 720m',
      '  section Sat 2026-11-28',
      '    default :done, 00:00, 600m',
      '    office :10:00, 285m',
      '    default :done, 14:45, 555m',
      '  section Sun 2026-11-29',
      '    default :done, 00:00, 1440m',
      '',
    ]);
    expect(await mermaidType(gantt)).toBe('gantt');
  });

  it('keeps # and ; of the parameters out of the Gantt title, where Mermaid would end the line', async () => {
    const gantt = weekGrid(hotline, { content: 'a#b;c' }, { monday, format: 'mermaid' });
    expect(gantt.split('\n')[1]).toBe(
      '  title hotline: content=a b c, week of 2026-11-23 (Europe/Kyiv)',
    );
    expect(await mermaidType(gantt)).toBe('gantt');
  });

  it('shows one answer all week for a call no time condition separates', () => {
    const grid = weekGrid(hotline, { caller: '380501234567' }, { monday: '2026-11-30' });
    expect(grid.split('\n').slice(4)).toEqual([
      '| 00:00-24:00 | *default* | *default* | *default* | *default* | *default* | *default* | *default* |',
      '',
      '- *default*: schema 26076',
      '',
    ]);
  });

  it('ignores a `date` among the parameters: the grid varies it', () => {
    const dated = { ...kyiv, date: '2026-11-27 13:00:00' };
    expect(weekGrid(hotline, dated, { monday })).toBe(weekGrid(hotline, kyiv, { monday }));
  });

  it('shows a closed date of the example sales webhook as a day without office hours', () => {
    const sales = compileAll(EXAMPLE_ROUTES).webhooks.find((w) => w.name === 'sales')!;
    const grid = weekGrid(sales, kyiv, { monday: '2026-12-21', format: 'text' });
    expect(grid.split('\n').slice(6, 8)).toEqual([
      'Fri 25 .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .',
      'Sat 26 .  .  .  .  .  .  .  .  .  .  A  A  A  A  .  .  .  .  .  .  .  .  .  .',
    ]);
  });

  it.each(['markdown', 'mermaid', 'text'] as const)(
    'draws every example webhook as %s, Mermaid parsing the Gantt charts',
    async (format) => {
      for (const entry of compileAll(EXAMPLE_ROUTES).webhooks) {
        const grid = weekGrid(entry, kyiv, { monday, format });
        expect(grid.startsWith(format === 'mermaid' ? 'gantt\n' : '')).toBe(true);
        if (format === 'mermaid') expect(await mermaidType(grid)).toBe('gantt');
      }
    },
  );
});
