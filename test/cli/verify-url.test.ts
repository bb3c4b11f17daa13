import { afterEach, describe, expect, it } from 'vitest';
import { checkUrl, healthzUrl } from '../../src/cli/verify-url.ts';
import { type HttpStub, startHttpStub } from '../support/http-stub.ts';

const MANIFEST = JSON.stringify({ tableHash: 'a'.repeat(64), gitRevision: null });
let stub: HttpStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function answering(status: number, body: string): Promise<string> {
  stub = await startHttpStub(status, body);
  return stub.url;
}

describe('healthzUrl', () => {
  it.each([
    [
      'https://abc.lambda-url.eu-central-1.on.aws/',
      'https://abc.lambda-url.eu-central-1.on.aws/healthz',
    ],
    [
      'https://abc.lambda-url.eu-central-1.on.aws',
      'https://abc.lambda-url.eu-central-1.on.aws/healthz',
    ],
  ])('appends healthz to %s', (url, expected) => {
    expect(healthzUrl(url)).toBe(expected);
  });
});

describe('checkUrl', () => {
  it('GETs <url>healthz and reads the table hash of the manifest', async () => {
    const url = await answering(200, MANIFEST);
    expect(await checkUrl(url)).toEqual({ failure: null, tableHash: 'a'.repeat(64) });
    expect(stub?.paths).toEqual(['GET /healthz']);
  });

  it.each([
    [403, '{"Message":"Forbidden"}'],
    [200, '<html>a proxy page</html>'],
    [200, '{"status":"ok"}'],
    [502, '{"Message":"Internal Server Error"}'],
  ])('fails an answer %i without a manifest: %s', async (status, body) => {
    const url = await answering(status, body);
    expect(await checkUrl(url)).toEqual({
      failure: `GET ${url}healthz answered HTTP ${status} without a manifest`,
    });
  });

  it('leaves a throttled URL unverified', async () => {
    const url = await answering(429, '{"Message":"Rate Exceeded."}');
    expect(await checkUrl(url)).toEqual({
      failure: `GET ${url}healthz: HTTP 429, the function is throttled`,
      unverified: true,
    });
  });

  it('leaves a URL it cannot reach unverified, naming the network error', async () => {
    const url = await answering(200, MANIFEST);
    await stub?.close();
    stub = undefined;
    expect(await checkUrl(url)).toEqual({
      failure: `GET ${url}healthz: fetch failed (ECONNREFUSED)`,
      unverified: true,
    });
  });
});
