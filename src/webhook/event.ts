// The Lambda Function URL (payload format 2.0) shapes the handler reads and returns. Written by
// hand rather than taken from @types/aws-lambda: the run-time bundle needs only these fields.

/** An HTTP request as a Lambda Function URL delivers it (payload format 2.0). */
export interface FunctionUrlEvent {
  version: string;
  routeKey?: string;
  rawPath: string;
  /** The query string as sent, without `?`; AWS sends `''` when there is none. */
  rawQueryString: string;
  cookies?: string[];
  /** Lower-case names; AWS joins repeated headers with commas. */
  headers: Record<string, string>;
  /** Decoded query parameters (repeats comma-joined); absent when there is no query string. */
  queryStringParameters?: Record<string, string>;
  body?: string;
  /** True when `body` is base64 (AWS does this for content types it does not treat as text). */
  isBase64Encoded: boolean;
  requestContext: FunctionUrlRequestContext;
}

/** The `requestContext` of a Function URL event (the fields the router may read). */
export interface FunctionUrlRequestContext {
  accountId?: string;
  apiId?: string;
  domainName?: string;
  domainPrefix?: string;
  requestId?: string;
  routeKey?: string;
  stage?: string;
  time?: string;
  /** Request time, milliseconds since the epoch. */
  timeEpoch: number;
  http: {
    method: string;
    path: string;
    protocol: string;
    sourceIp: string;
    userAgent: string;
  };
}

/** What the handler returns to a Function URL. */
export interface FunctionUrlResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}
