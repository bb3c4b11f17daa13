import { compileAll } from '../compiler/pipeline.ts';
import { mermaidGraph } from '../review/graph.ts';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';
import { findWebhook } from './webhook-entry.ts';

/** `routes graph <webhook> [--format markdown|mermaid]`: the rules as a Mermaid flowchart. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'format']);
  const format = flag(args, 'format', 'markdown');
  if (format !== 'markdown' && format !== 'mermaid')
    throw new UsageError(`--format must be markdown or mermaid, got "${format}"`);
  const [webhook, ...extra] = args.positionals;
  if (!webhook || extra.length > 0) throw new UsageError('usage: routes graph <webhook>');
  const entry = findWebhook(compileAll(flag(args, 'routes', 'routes')), webhook, 'graph');
  if (!entry) return 1;
  const graph = mermaidGraph(entry);
  // Markdown is what GitHub renders (a PR comment, a .md file); bare Mermaid suits mermaid.live.
  process.stdout.write(format === 'markdown' ? `\`\`\`mermaid\n${graph}\`\`\`\n` : graph);
  return 0;
}
