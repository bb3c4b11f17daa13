// What `routes pause` and `routes resume` share: their command line and the function's reserved
// concurrency as Lambda reports it.
import { GetFunctionConcurrencyCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';
import { lambdaClient } from './lambda-client.ts';

/** The function to act on and a client for its region and endpoint. */
export interface ConcurrencyTarget {
  fn: string;
  client: LambdaClient;
  /** Flags beyond the shared ones, by name. */
  extra: Record<string, string | undefined>;
}

/** Parses `--function NAME [--region R] [--endpoint URL]` plus `extra` flags; throws UsageError. */
export function concurrencyTarget(argv: string[], extra: string[] = []): ConcurrencyTarget {
  const args = parseArgs(argv);
  allowFlags(args, ['function', 'region', 'endpoint', 'routes', ...extra]);
  const fn = flag(args, 'function');
  if (!fn) throw new UsageError('--function NAME is required (the deployed Lambda function)');
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const client = lambdaClient({ region: flag(args, 'region'), endpoint: flag(args, 'endpoint') });
  return { fn, client, extra: Object.fromEntries(extra.map((name) => [name, flag(args, name)])) };
}

/** The reserved concurrency of `fn`; null when none is reserved (the account's pool serves it). */
export async function reservedConcurrency(client: LambdaClient, fn: string) {
  const out = await client.send(new GetFunctionConcurrencyCommand({ FunctionName: fn }));
  return out.ReservedConcurrentExecutions ?? null;
}
