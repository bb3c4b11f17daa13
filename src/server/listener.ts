// The node:http adapter's output half: each request becomes a Function URL event, goes through
// the current router, and its result is written back as is.
import { Buffer } from 'node:buffer';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { FunctionUrlEvent, FunctionUrlResult } from '../webhook/event.ts';
import { hasBody, readBody, toEvent } from './to-event.ts';

/** A Function URL handler, as `createRouter` of the bundle returns it. */
export type Router = (event: FunctionUrlEvent) => FunctionUrlResult;

const EMPTY = Buffer.alloc(0);

/** A request listener answering with `current()`, read per request so a reload swaps it in. */
export function createListener(
  current: () => Router,
  log: (line: string) => void,
): RequestListener {
  return (req, res) => {
    // A bodiless request (every GET Ringostat sends) is answered without waiting for a tick.
    if (!hasBody(req)) {
      answer(req, res, EMPTY, current(), log);
      return;
    }
    readBody(req).then(
      (body) => answer(req, res, body, current(), log),
      () => res.destroy(),
    );
  };
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  router: Router,
  log: (line: string) => void,
): void {
  let result: FunctionUrlResult;
  try {
    result = router(toEvent(req, body));
  } catch (err) {
    // The handler never throws by contract; if it does, say so loudly rather than hang the call.
    log(`internal error: ${err instanceof Error ? err.message : String(err)}`);
    result = {
      statusCode: 500,
      headers: { 'content-type': 'text/plain' },
      body: 'internal error\n',
    };
  }
  // An explicit length: writeHead without one would make Node send the body chunked.
  res.writeHead(result.statusCode, {
    ...result.headers,
    'content-length': Buffer.byteLength(result.body),
  });
  res.end(result.body);
}
