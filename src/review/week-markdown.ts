// `routes week` as Markdown: a row per hour (hours in which no day's answer changes merged), a
// column per day, and a legend of the answers. An hour in which the answer changes lists each
// part from its minute: `*default*, from 09:30 office`.
import {
  clock,
  dayName,
  hourSegments,
  type Segment,
  title,
  type WeekDay,
  type WeekScan,
} from './week-scan.ts';

/** The week as a Markdown table: a row per hour (equal hours merged), a column per day. */
export function weekMarkdown(scan: WeekScan): string {
  const head = `| time | ${scan.days.map((d) => `${dayName(d)} ${d.date}`).join(' | ')} |`;
  const rows = hourRows(scan.days).map(({ from, to }) => {
    const cells = scan.days.map((d) => cellText(hourSegments(d, from)));
    return `| ${clock(from * 60)}-${clock(to * 60)} | ${cells.join(' | ')} |`;
  });
  const legend = scan.answers.map((a) => `- ${ruleName(a.rule)}: ${pipes(a.answer)}`);
  const sep = `|---|${scan.days.map(() => '---|').join('')}`;
  return [title(scan, '**'), '', head, sep, ...rows, '', ...legend, ''].join('\n');
}

/** Runs of hours [from, to) in which every day has one answer, the same all run long. */
export function hourRows(days: WeekDay[]): { from: number; to: number }[] {
  const rows: { from: number; to: number; key: string | null }[] = [];
  for (let h = 0; h < 24; h++) {
    const cells = days.map((d) => hourSegments(d, h));
    const key = cells.every((c) => c.length === 1)
      ? JSON.stringify(cells.map((c) => c[0]!.rule))
      : null;
    const last = rows.at(-1);
    if (key !== null && last?.key === key) last.to = h + 1;
    else rows.push({ from: h, to: h + 1, key });
  }
  return rows.map(({ from, to }) => ({ from, to }));
}

function cellText(parts: Segment[]): string {
  return parts
    .map((s, i) => (i === 0 ? ruleName(s.rule) : `from ${clock(s.from)} ${ruleName(s.rule)}`))
    .join(', ');
}

function ruleName(rule: string | null): string {
  return rule ?? '*default*';
}

function pipes(text: string): string {
  return text.replaceAll('|', '\\|');
}
