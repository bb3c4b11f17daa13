import { newKey } from '../webhook/auth.ts';
import { allowFlags, parseArgs } from './args.ts';

/** `routes key`: a random key for `?key=` and the `key_sha256` that goes into the YAML. */
export async function run(argv: string[]): Promise<number> {
  allowFlags(parseArgs(argv), ['routes']);
  const { key, keySha256 } = newKey();
  process.stdout.write(
    [
      `key:        ${key}`,
      `key_sha256: ${keySha256}`,
      '',
      'Put key_sha256 in the webhook file (it is safe to commit):',
      '  auth:',
      `    key_sha256: ${keySha256}`,
      'and append the key to the URL in Ringostat (keep it out of git):',
      `  https://<function-url>/<webhook>?key=${key}`,
      '',
    ].join('\n'),
  );
  return 0;
}
