// `routes week`: a days x hours grid of which rule answers one kind of call (the given parameters
// fixed, the time varying over a week), as Markdown, Mermaid (a Gantt chart) or terminal text.
// Hours in which the answer changes show each part with its minute, so the grid is exact.
import type { CompiledEntry } from '../compiler/pipeline.ts';
import { weekMarkdown } from './week-markdown.ts';
import { weekGantt } from './week-mermaid.ts';
import { scanWeek } from './week-scan.ts';
import { weekText } from './week-text.ts';

/** How to draw a week. */
export interface WeekOptions {
  /** The Monday (YYYY-MM-DD, local) of the week to draw; `during` windows are absolute dates. */
  monday: string;
  /** `markdown` (default): a table GitHub renders; `mermaid`: a Gantt chart; `text`: a terminal grid. */
  format?: 'markdown' | 'mermaid' | 'text';
}

/** The week grid of a call with `params` (no `date`: the grid varies it) on a compiled webhook. */
export function weekGrid(
  entry: CompiledEntry,
  params: Record<string, string>,
  options: WeekOptions,
): string {
  const scan = scanWeek(entry, params, options.monday);
  const format = options.format ?? 'markdown';
  if (format === 'mermaid') return weekGantt(scan);
  if (format === 'text') return weekText(scan);
  return weekMarkdown(scan);
}
