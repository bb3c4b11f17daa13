// `routes week --format mermaid`: the week as a Mermaid Gantt chart, a section per day on one
// 00:00-24:00 axis, a bar per stretch of time one rule answers (the default's bars greyed).
import { clock, dayName, title, type WeekScan } from './week-scan.ts';

/** The week as a Mermaid Gantt chart (no ``` fence). */
export function weekGantt(scan: WeekScan): string {
  // Gantt reads `#` and `;` as the end of a line, and `:` in a section name as its data.
  const lines = [
    'gantt',
    `  title ${title(scan).replace(/[#;]/g, ' ')}`,
    '  dateFormat HH:mm',
    '  axisFormat %H:%M',
    '  todayMarker off',
  ];
  for (const day of scan.days) {
    lines.push(`  section ${dayName(day)} ${day.date}`);
    for (const s of day.segments) {
      const tag = s.rule === null ? 'done, ' : '';
      lines.push(`    ${s.rule ?? 'default'} :${tag}${clock(s.from)}, ${s.to - s.from}m`);
    }
  }
  return `${lines.join('\n')}\n`;
}
