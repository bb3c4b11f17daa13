import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// .github/scripts/oidc-subject.mjs, run as the deploy workflow runs it, against a stand-in for
// GitHub's token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) that insists on the runner's bearer
// token and the audience AWS expects.
const SCRIPT = '.github/scripts/oidc-subject.mjs';
const SUBJECT = 'repo:acme-1234567/call-router-987654321:environment:production';
const REQUEST_TOKEN = 'runner-request-token';
const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT = `${part({ alg: 'RS256' })}.${part({ sub: SUBJECT, aud: 'sts.amazonaws.com' })}.signature-bytes`;

let server: Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization}`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ok =
      req.headers.authorization === `bearer ${REQUEST_TOKEN}` &&
      url.searchParams.get('audience') === 'sts.amazonaws.com';
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? JSON.stringify({ count: 1, value: JWT }) : '{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function runScript(env: Record<string, string>) {
  const { ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN, ...rest } = process.env;
  try {
    const out = await promisify(execFile)(process.execPath, [SCRIPT], { env: { ...rest, ...env } });
    return { code: 0, stdout: out.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('oidc-subject.mjs', () => {
  it('prints the subject the job presents, as an annotation and a line to copy, never the token', async () => {
    const result = await runScript({
      ACTIONS_ID_TOKEN_REQUEST_URL: base,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    });
    expect(result).toEqual({
      code: 0,
      stdout:
        `::error title=AWS refused the OIDC token::The deploy role trusts one subject and this job presents ${SUBJECT}. ` +
        `Set "githubSubject": "${SUBJECT}" in cdk.json, then redeploy the RingostatRouterGithubDeploy stack (docs/deploy.md).\n` +
        `OIDC subject of this job: ${SUBJECT}\n`,
    });
    expect(seen.at(-1)).toBe(
      `/token?api-version=2.0&audience=sts.amazonaws.com bearer ${REQUEST_TOKEN}`,
    );
    expect(result.stdout).not.toContain(JWT.split('.')[1]);
  });

  it('says what the job lacks when it may not mint a token', async () => {
    expect(await runScript({})).toEqual({
      code: 1,
      stdout: '::error::No OIDC token to inspect: the job needs `permissions: id-token: write`.\n',
    });
  });

  it('reports a refused token request with its status', async () => {
    const result = await runScript({
      ACTIONS_ID_TOKEN_REQUEST_URL: base,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong',
    });
    expect(result).toEqual({
      code: 1,
      stdout: '::error::GitHub refused the OIDC token request: HTTP 401\n',
    });
  });
});
