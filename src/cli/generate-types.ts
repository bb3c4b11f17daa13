import { writeFileSync } from 'node:fs';
import { generateRouteTypes } from '../compiler/generate-types.ts';
import { allowFlags, parseArgs } from './args.ts';

/** `routes generate-types`: rewrites src/generated/routes.ts from the schema. */
export async function run(argv: string[]): Promise<number> {
  allowFlags(parseArgs(argv), []);
  writeFileSync('src/generated/routes.ts', await generateRouteTypes('schema/routes.schema.json'));
  process.stdout.write('wrote src/generated/routes.ts\n');
  return 0;
}
