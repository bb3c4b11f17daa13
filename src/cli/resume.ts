// `routes resume`: undoes `routes pause`. By default it removes the reservation, so the function
// draws on the account's unreserved pool again; `--concurrency N` reserves N instead, for stacks
// whose cdk.json sets `reservedConcurrency` (CloudFormation does not re-apply a setting its
// template did not change, so the next deploy would not restore it).
import {
  DeleteFunctionConcurrencyCommand,
  PutFunctionConcurrencyCommand,
} from '@aws-sdk/client-lambda';
import { UsageError } from './args.ts';
import { concurrencyTarget, reservedConcurrency } from './concurrency.ts';
import { describeAwsError } from './lambda-client.ts';

/** Runs `routes resume --function NAME [--concurrency N]`: exit 0 serving, 1 when AWS refused. */
export async function run(argv: string[]): Promise<number> {
  const { fn, client, extra } = concurrencyTarget(argv, ['concurrency']);
  const raw = extra.concurrency;
  if (raw !== undefined && !/^[1-9]\d*$/.test(raw)) {
    client.destroy();
    throw new UsageError(`--concurrency needs a positive whole number, got "${raw}"`);
  }
  try {
    const before = await reservedConcurrency(client, fn);
    // Only a paused function changes: a reservation someone chose stays as it is.
    if (before !== 0) {
      const now = before === null ? 'no reserved concurrency' : `reserved concurrency ${before}`;
      process.stdout.write(`resume: ${fn} is not paused (${now}); nothing to do\n`);
      return 0;
    }
    if (raw === undefined) {
      await client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: fn }));
    } else {
      const n = Number(raw);
      await client.send(
        new PutFunctionConcurrencyCommand({ FunctionName: fn, ReservedConcurrentExecutions: n }),
      );
    }
    const now = raw === undefined ? 'no reserved concurrency' : `reserved concurrency ${raw}`;
    process.stdout.write(`resume: ${fn} serves calls again (${now})\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`resume: cannot resume ${fn}: ${describeAwsError(err)}\n`);
    return 1;
  } finally {
    client.destroy();
  }
}
