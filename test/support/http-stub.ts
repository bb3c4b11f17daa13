// A one-answer HTTP server on 127.0.0.1, standing in for a Function URL: every request gets the
// same status and body, and the paths asked for are recorded.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running stub; `url` ends with a slash, as the stack's FunctionUrl output does. */
export interface HttpStub {
  url: string;
  paths: string[];
  close(): Promise<void>;
}

/** Starts a stub answering `status` with `body` (JSON content type). */
export async function startHttpStub(status: number, body: string): Promise<HttpStub> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(`${req.method} ${req.url}`);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    paths,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
