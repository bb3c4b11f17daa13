// The one place the CLI builds a LambdaClient, so `verify`, `rollback`, `pause` and `resume`
// resolve region, credentials and `--endpoint` the same way and explain AWS failures alike.
import { LambdaClient } from '@aws-sdk/client-lambda';

/** Where to reach Lambda: `--region` (else the SDK's usual env/config lookup) and `--endpoint`. */
export interface LambdaTarget {
  region?: string;
  endpoint?: string;
}

/** Builds a client; credentials come from the SDK's default chain (env, profile, OIDC web identity). */
export function lambdaClient(target: LambdaTarget): LambdaClient {
  return new LambdaClient({
    ...(target.region ? { region: target.region } : {}),
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  });
}

/** One line explaining an SDK failure: the service's error name and message, plus a hint. */
export function describeAwsError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const hint = HINTS.find(([pattern]) => pattern.test(`${err.name} ${err.message}`))?.[1];
  const head =
    status === undefined
      ? `${err.name}: ${err.message}`
      : `${err.name} (HTTP ${status}): ${err.message}`;
  return hint ? `${head} (${hint})` : head;
}

const HINTS: [RegExp, string][] = [
  [/Region is missing|Region not accepted/, 'pass --region or set AWS_REGION'],
  [
    /CredentialsProviderError|Could not load credentials/,
    'set AWS credentials, e.g. AWS_PROFILE or the OIDC role in CI',
  ],
  [
    /AccessDenied|not authorized/i,
    'the caller lacks a Lambda permission this command needs; docs/deploy.md lists them',
  ],
];
