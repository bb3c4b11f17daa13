// Worker: the whole handler, Function URL event -> response, on the sample call, from a built
// bundle. Args: <bundle path> <artifact dir> <webhook>. The log sink keeps nothing: the line is
// built (JSON.stringify, masking) exactly as in production, only the stdout write, I/O that Lambda
// does after the answer is computed, is left out. Prints one JSON line.
import { pathToFileURL } from 'node:url';
import type { FunctionUrlEvent, FunctionUrlResult } from '../src/webhook/event.ts';
import { sampleEvent } from './event.ts';
import { timeSync } from './measure.ts';

type Bundle = {
  createRouter(
    dir: string,
    o: { log: (line: string) => void },
  ): (e: FunctionUrlEvent) => FunctionUrlResult;
};

const [bundle, dir, webhook] = process.argv.slice(2);
const { createRouter } = (await import(pathToFileURL(bundle!).href)) as Bundle;
let logged = 0;
const handle = createRouter(dir!, {
  log: (line) => {
    logged += line.length;
  },
});
const event = sampleEvent(webhook!);
const first = handle(event);
const stats = timeSync(() => handle(event), {
  batch: 16,
  samples: 4000,
  warmup: 50_000,
  inputs: 1,
});
process.stdout.write(
  `${JSON.stringify({ stats, status: first.statusCode, body: first.body, rule: first.headers['x-route-rule'], logged: logged > 0 })}\n`,
);
