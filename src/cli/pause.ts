// `routes pause`: the kill switch. Reserved concurrency 0 makes Lambda refuse every call at once
// (the Function URL answers 429), on any account: reserving 0 needs no unreserved quota, unlike
// a positive reservation. `routes resume` undoes it; see docs/deploy.md for how this meets a
// `reservedConcurrency` set in cdk.json.
import { PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { concurrencyTarget, reservedConcurrency } from './concurrency.ts';
import { describeAwsError } from './lambda-client.ts';

/** Runs `routes pause --function NAME`: exit 0 paused (or already was), 1 when AWS refused. */
export async function run(argv: string[]): Promise<number> {
  const { fn, client } = concurrencyTarget(argv);
  try {
    const before = await reservedConcurrency(client, fn);
    if (before === 0) {
      process.stdout.write(`pause: ${fn} is already paused (reserved concurrency 0)\n`);
      return 0;
    }
    await client.send(
      new PutFunctionConcurrencyCommand({ FunctionName: fn, ReservedConcurrentExecutions: 0 }),
    );
    const was = before === null ? 'none reserved before' : `was ${before}`;
    const undo = `routes resume --function ${fn}${before === null ? '' : ` --concurrency ${before}`}`;
    process.stdout.write(
      `pause: ${fn} now refuses every call (reserved concurrency 0, ${was}); undo with \`${undo}\`\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`pause: cannot pause ${fn}: ${describeAwsError(err)}\n`);
    return 1;
  } finally {
    client.destroy();
  }
}
