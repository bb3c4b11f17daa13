// The Lambda Function URL entry point. Tables and manifest sit beside this bundle in build/lambda/
// and load once per cold start; everything else is the shared handler core.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionUrlEvent, FunctionUrlResult } from './webhook/event.ts';
import { createHandler, type HandlerOptions } from './webhook/handler.ts';
import { loadRoutesDir } from './webhook/routes-dir.ts';

const handle = createHandler(loadRoutesDir(dirname(fileURLToPath(import.meta.url))));

/** Lambda entry: Function URL event (payload 2.0) in, response out. */
export async function handler(event: FunctionUrlEvent): Promise<FunctionUrlResult> {
  return handle(event);
}

/** A handler over another artifact directory (the local server reloads tables with it). */
export function createRouter(
  dir: string,
  options?: HandlerOptions,
): (event: FunctionUrlEvent) => FunctionUrlResult {
  return createHandler(loadRoutesDir(dir), options);
}
