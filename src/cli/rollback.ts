// `routes rollback`: point the alias back at the previous published version in one API call.
// During a canary (the alias carries additional version weights) the alias's primary version is
// the one that was live before the shift, so rolling back keeps it and drops the weights; going
// one further would land on a version older than the one that just served every call.
import {
  GetAliasCommand,
  type LambdaClient,
  paginateListVersionsByFunction,
  UpdateAliasCommand,
} from '@aws-sdk/client-lambda';
import { allowFlags, flag, parseArgs, UsageError } from './args.ts';
import { describeAwsError, lambdaClient } from './lambda-client.ts';

/**
 * Runs `routes rollback --function NAME [--alias live] [--to VERSION]`. Exit 0 when the alias
 * moved (or already was there), 2 with the alias untouched when there is nothing to roll back to,
 * 1 when AWS refused.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  allowFlags(args, ['function', 'alias', 'region', 'to', 'endpoint', 'routes']);
  const fn = flag(args, 'function');
  if (!fn) throw new UsageError('--function NAME is required (the deployed Lambda function)');
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const to = flag(args, 'to');
  if (to !== undefined && !/^[1-9]\d*$/.test(to)) {
    throw new UsageError(`--to needs a published version number, got "${to}"`);
  }
  const client = lambdaClient({ region: flag(args, 'region'), endpoint: flag(args, 'endpoint') });
  try {
    const line = await rollback(client, fn, flag(args, 'alias', 'live'), to);
    process.stdout.write(`rollback: ${line}\n`);
    return 0;
  } catch (err) {
    const message = err instanceof RollbackError ? err.message : describeAwsError(err);
    process.stderr.write(`rollback: ${message}\n`);
    return err instanceof NothingToRollBackError ? 2 : 1;
  } finally {
    client.destroy();
  }
}

/** A rollback that cannot proceed, with the reason a user can act on. */
export class RollbackError extends Error {
  override name = 'RollbackError';
}

/** No version to go back to (exit 2): the alias stays as it is. */
export class NothingToRollBackError extends RollbackError {
  override name = 'NothingToRollBackError';
}

async function rollback(client: LambdaClient, fn: string, alias: string, to?: string) {
  const name = `${fn}:${alias}`;
  const current = await client
    .send(new GetAliasCommand({ FunctionName: fn, Name: alias }))
    .catch(wrap(`cannot read alias ${name}`));
  const from = current.FunctionVersion ?? '$LATEST';
  const weights = current.RoutingConfig?.AdditionalVersionWeights ?? {};
  const canary = Object.entries(weights).map(([v, w]) => `version ${v} at ${Math.round(w * 100)}%`);
  const target = to ?? (canary.length > 0 ? from : await previousVersion(client, fn, from));
  if (target === from && canary.length === 0)
    return `${name} already points at version ${from}; nothing to do`;
  // RevisionId makes the update fail rather than overwrite a change made since we read the alias
  // (CodeDeploy shifting traffic at the same moment).
  await client
    .send(
      new UpdateAliasCommand({
        FunctionName: fn,
        Name: alias,
        FunctionVersion: target,
        RoutingConfig: { AdditionalVersionWeights: {} },
        RevisionId: current.RevisionId,
      }),
    )
    .catch(wrap(`cannot move ${name} to version ${target}`));
  const cleared = canary.length > 0 ? ` (cleared canary routing: ${canary.join(', ')})` : '';
  return `${name} ${from} -> ${target}${cleared}`;
}

/** The highest published version below `current`, reading every page of ListVersionsByFunction. */
async function previousVersion(client: LambdaClient, fn: string, current: string): Promise<string> {
  if (!/^\d+$/.test(current)) {
    throw new NothingToRollBackError(
      `${fn} alias points at ${current}, which has no previous version; pass --to VERSION`,
    );
  }
  let best = 0;
  const pages = paginateListVersionsByFunction({ client }, { FunctionName: fn });
  try {
    for await (const page of pages) {
      for (const { Version } of page.Versions ?? []) {
        const n = Number(Version);
        if (Number.isInteger(n) && n < Number(current) && n > best) best = n;
      }
    }
  } catch (err) {
    throw new RollbackError(`cannot list versions of ${fn}: ${describeAwsError(err)}`);
  }
  if (best === 0) {
    throw new NothingToRollBackError(
      `${fn} has no published version below ${current} to roll back to`,
    );
  }
  return String(best);
}

function wrap(context: string) {
  return (err: unknown): never => {
    const stale = err instanceof Error && err.name === 'PreconditionFailedException';
    const hint = stale
      ? ' (the alias changed meanwhile, probably a CodeDeploy deployment; run again)'
      : '';
    throw new RollbackError(`${context}: ${describeAwsError(err)}${hint}`);
  };
}
