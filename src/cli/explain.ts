import { compileAll, loadEntry } from '../compiler/pipeline.ts';
import { describeOutcome } from '../review/case-check.ts';
import { explain } from '../router/explain.ts';
import { allowFlags, flag, keyValues, parseArgs, UsageError } from './args.ts';
import { printProblems } from './report.ts';

/** `routes explain <webhook> key=value ... [--now ISO]`: the answer and why earlier rules did not match. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['routes', 'now']);
  const [webhook, ...pairs] = args.positionals;
  if (!webhook)
    throw new UsageError(
      'usage: routes explain <webhook> key=value ... (e.g. caller=380441112233)',
    );
  const params = keyValues(pairs);
  const nowFlag = flag(args, 'now');
  const now = nowFlag === undefined ? Date.now() : Date.parse(nowFlag);
  if (Number.isNaN(now))
    throw new UsageError(`--now must be an ISO 8601 instant, got "${nowFlag}"`);
  const compiled = compileAll(flag(args, 'routes', 'routes'));
  const entry = compiled.webhooks.find((w) => w.name === webhook);
  if (!entry) {
    printProblems(compiled.problems.filter((p) => p.severity === 'error'));
    const known = compiled.webhooks.map((w) => w.name).join(', ') || 'none';
    process.stderr.write(`explain: no usable webhook "${webhook}" (webhooks: ${known})\n`);
    return 1;
  }
  const table = loadEntry(entry);
  const result = explain(table, params, now);
  const rule = result.decision.rule?.id ?? null;
  const out = [
    `${webhook}: ${describeOutcome({ target: result.decision.target, rule })}`,
    `time: ${result.time}`,
  ];
  for (const step of result.skipped) out.push(`  skipped ${step.rule}: ${step.reason}`);
  out.push(rule === null ? '  no rule matched: the default answers' : `  matched ${rule}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
