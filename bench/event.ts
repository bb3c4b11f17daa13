// The Function URL event (payload 2.0) the handler figure uses: Ringostat's sample call as a JSON
// body POST, with the headers AWS adds in front of every Function URL request.
import { readFileSync } from 'node:fs';
import type { FunctionUrlEvent } from '../src/webhook/event.ts';
import { SAMPLE_CALL_PATH } from './calls.ts';

/** A POST of the sample call to `/<webhook>`. */
export function sampleEvent(webhook: string): FunctionUrlEvent {
  const body = JSON.stringify(JSON.parse(readFileSync(SAMPLE_CALL_PATH, 'utf8')));
  const host = 'q7x4mzk2ub3ydsx6ptmhc5pz2e0nhvjf.lambda-url.eu-central-1.on.aws';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: `/${webhook}`,
    rawQueryString: '',
    headers: {
      'content-length': String(Buffer.byteLength(body)),
      'content-type': 'application/json',
      host,
      'user-agent': 'ringostat HTTP Client v1.1',
      'x-amzn-tls-cipher-suite': 'TLS_AES_128_GCM_SHA256',
      'x-amzn-tls-version': 'TLSv1.3',
      'x-amzn-trace-id': 'Root=1-6743a1f2-3c5e9a0b7d1f24e86a9c0b13',
      'x-forwarded-for': '185.41.23.17',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: 'anonymous',
      apiId: host.split('.')[0],
      domainName: host,
      domainPrefix: host.split('.')[0],
      requestId: '0f8e7a52-5d0c-4a0e-9f5b-2a4c6e8d1b3f',
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:10:00:00 +0000',
      timeEpoch: 1_795_514_400_000,
      http: {
        method: 'POST',
        path: `/${webhook}`,
        protocol: 'HTTP/1.1',
        sourceIp: '185.41.23.17',
        userAgent: 'ringostat HTTP Client v1.1',
      },
    },
    body,
    isBase64Encoded: false,
  };
}
