import { compileAll } from '../compiler/pipeline.ts';
import { type WeekOptions, weekGrid } from '../review/week.ts';
import { mondayOf, WeekStartError } from '../review/week-scan.ts';
import { localTimeAt } from '../router/clock.ts';
import { allowFlags, flag, keyValues, parseArgs, UsageError } from './args.ts';
import { findWebhook } from './webhook-entry.ts';

const FORMATS = ['markdown', 'mermaid', 'text'] as const;

/** `routes week <webhook> key=value ... [--week DATE] [--format F]`: which rule answers when. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'week', 'format']);
  const format = flag(args, 'format', 'markdown') as NonNullable<WeekOptions['format']>;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be markdown, mermaid or text, got "${format}"`);
  const [webhook, ...pairs] = args.positionals;
  if (!webhook)
    throw new UsageError('usage: routes week <webhook> key=value ... (e.g. caller=380441112233)');
  const params = keyValues(pairs);
  if (params.date !== undefined)
    throw new UsageError(
      "week varies the call's time itself: leave out date= (pick the week with --week)",
    );
  const entry = findWebhook(compileAll(flag(args, 'routes', 'routes')), webhook, 'week');
  if (!entry) return 1;
  // Without --week, this week where the webhook is.
  const today = localTimeAt(Date.now(), entry.table.timezone ?? 'UTC').date;
  let monday: string;
  try {
    monday = mondayOf(flag(args, 'week', today));
  } catch (err) {
    if (err instanceof WeekStartError) throw new UsageError(`--week: ${err.message}`);
    throw err;
  }
  process.stdout.write(weekGrid(entry, params, { monday, format }));
  return 0;
}
