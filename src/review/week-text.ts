// `routes week --format text`: the week for a terminal, 79 columns wide. A day per row, an hour
// per column, one symbol per answer (`.` the default); an hour in which the answer changes shows
// its symbols in order and is spelled out with minutes below the grid.
import { clock, dayName, hourSegments, title, type WeekScan } from './week-scan.ts';

const SYMBOLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The week as a plain-text grid with a legend. */
export function weekText(scan: WeekScan): string {
  const symbol = symbols(scan);
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')).join(' ');
  const lines = [title(scan), `       ${hours}`];
  const changes: string[] = [];
  for (const day of scan.days) {
    const cells = Array.from({ length: 24 }, (_, h) => {
      const parts = hourSegments(day, h);
      if (parts.length > 1) {
        const spelled = parts.map((p) => `${clock(p.from)}-${clock(p.to)} ${name(p.rule)}`);
        changes.push(`  ${dayName(day)} ${day.date.slice(5)} ${spelled.join(', ')}`);
      }
      const shown = parts.map((p) => symbol.get(p.rule)!).join('');
      return (shown.length > 2 ? `${shown[0]}+` : shown).padEnd(2);
    });
    lines.push(`${dayName(day)} ${day.date.slice(8)} ${cells.join(' ')}`.trimEnd());
  }
  lines.push('', ...scan.answers.map((a) => `${symbol.get(a.rule)} ${name(a.rule)}: ${a.answer}`));
  if (changes.length > 0) lines.push('', 'answer changes inside an hour:', ...changes);
  return `${lines.join('\n')}\n`;
}

/** One symbol per answering rule in rule order, `.` for the default, `*` past 62 rules. */
function symbols(scan: WeekScan): Map<string | null, string> {
  let next = 0;
  const out = new Map<string | null, string>();
  for (const a of scan.answers) out.set(a.rule, a.rule === null ? '.' : (SYMBOLS[next++] ?? '*'));
  return out;
}

function name(rule: string | null): string {
  return rule ?? 'default';
}
