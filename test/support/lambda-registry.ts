// The state behind the local Lambda API: functions, their published versions and aliases, with
// the validation rules of the real service that `routes rollback`, `routes verify` and
// `routes pause` rely on. A weighted alias routes each invocation as Lambda does: to an
// additional version with its weight's probability, else to the alias's primary version.

/** An error the local API answers in the AWS restJson1 shape (`x-amzn-errortype` + Message). */
export class LambdaApiError extends Error {
  override name = 'LambdaApiError';
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** An alias as the API reports it; `weights` is RoutingConfig.AdditionalVersionWeights. */
export interface AliasState {
  version: string;
  weights: Record<string, number>;
  revision: number;
}

/** What an UpdateAlias request may change. */
export interface AliasUpdate {
  FunctionVersion?: string;
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
  RevisionId?: string;
}

interface FunctionState {
  latest: string;
  versions: string[];
  aliases: Map<string, AliasState>;
  /** Reserved concurrency (PutFunctionConcurrency); null when none is reserved. */
  reserved: number | null;
}

/** Functions keyed by name; versions map to artifact directories. */
export class LambdaRegistry {
  private readonly functions = new Map<string, FunctionState>();

  /** `random` draws in [0, 1) for weighted aliases (Math.random unless a test fixes the draws). */
  constructor(
    readonly arnPrefix: string,
    public random: () => number = Math.random,
  ) {}

  /** Publishes `artifactDir` as the next numbered version (and as `$LATEST`). */
  addVersion(fn: string, artifactDir: string): number {
    const state: FunctionState = this.functions.get(fn) ?? {
      latest: artifactDir,
      versions: [],
      aliases: new Map(),
      reserved: null,
    };
    this.functions.set(fn, state);
    state.latest = artifactDir;
    state.versions.push(artifactDir);
    return state.versions.length;
  }

  /** Creates or replaces an alias (test set-up; no validation beyond existence). */
  setAlias(fn: string, alias: string, version: number, weights: Record<string, number> = {}): void {
    const state = this.fn(fn);
    this.artifact(fn, String(version));
    const revision = (state.aliases.get(alias)?.revision ?? 0) + 1;
    state.aliases.set(alias, { version: String(version), weights, revision });
  }

  /** The alias, or ResourceNotFoundException. */
  alias(fn: string, alias: string): AliasState {
    const found = this.fn(fn).aliases.get(alias);
    if (!found) throw notFound(`Alias not found: ${this.arn(fn, alias)}`);
    return found;
  }

  /** Applies UpdateAlias the way Lambda does: an absent RoutingConfig leaves the weights alone. */
  updateAlias(fn: string, name: string, update: AliasUpdate): AliasState {
    const current = this.alias(fn, name);
    if (update.RevisionId !== undefined && update.RevisionId !== String(current.revision)) {
      throw new LambdaApiError(
        412,
        'PreconditionFailedException',
        'The Revision Id provided does not match the latest Revision Id.',
      );
    }
    const version = update.FunctionVersion ?? current.version;
    const weights = update.RoutingConfig?.AdditionalVersionWeights ?? current.weights;
    this.artifact(fn, version);
    for (const [v, w] of Object.entries(weights)) {
      this.artifact(fn, v);
      if (v === version || !(w >= 0 && w <= 1) || version === '$LATEST') {
        throw new LambdaApiError(
          400,
          'InvalidParameterValueException',
          `Invalid RoutingConfig: version ${v} weight ${w} with primary ${version}`,
        );
      }
    }
    const next = { version, weights, revision: current.revision + 1 };
    this.fn(fn).aliases.set(name, next);
    return next;
  }

  /** GetAlias/UpdateAlias output (AliasConfiguration); RoutingConfig only while weights are set. */
  aliasJson(fn: string, name: string) {
    const alias = this.alias(fn, name);
    const weighted = Object.keys(alias.weights).length > 0;
    return {
      AliasArn: this.arn(fn, name),
      Name: name,
      FunctionVersion: alias.version,
      Description: '',
      RevisionId: String(alias.revision),
      ...(weighted ? { RoutingConfig: { AdditionalVersionWeights: alias.weights } } : {}),
    };
  }

  /** One ListVersionsByFunction page: `$LATEST` then the numbered versions, oldest first. */
  versionsPage(fn: string, start: number, size: number) {
    const all = ['$LATEST', ...this.fn(fn).versions.map((_, i) => String(i + 1))];
    const Versions = all.slice(start, start + size).map((Version) => ({
      FunctionName: fn,
      FunctionArn: this.arn(fn, Version),
      Version,
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
    }));
    // The marker is opaque to clients; an offset is enough here.
    return start + size < all.length
      ? { Versions, NextMarker: String(start + size) }
      : { Versions };
  }

  /**
   * Resolves a qualifier (alias, version number, `$LATEST`, none) to [version, artifactDir] for
   * one invocation; a function whose reserved concurrency is 0 refuses it, as Lambda does.
   */
  resolve(fn: string, qualifier: string | undefined): [string, string] {
    const state = this.fn(fn);
    if (state.reserved === 0) {
      throw new LambdaApiError(429, 'TooManyRequestsException', 'Rate Exceeded.');
    }
    const alias = qualifier === undefined ? undefined : state.aliases.get(qualifier);
    const version = alias ? this.pick(alias) : (qualifier ?? '$LATEST');
    return [version, this.artifact(fn, version, qualifier)];
  }

  /** PutFunctionConcurrency (a number) or DeleteFunctionConcurrency (null). */
  setReserved(fn: string, reserved: number | null): void {
    this.fn(fn).reserved = reserved;
  }

  /** GetFunctionConcurrency: the reserved concurrency, null when none is reserved. */
  reserved(fn: string): number | null {
    return this.fn(fn).reserved;
  }

  /** The ARN of a function or one of its qualifiers. */
  arn(fn: string, qualifier?: string): string {
    return `${this.arnPrefix}${fn}${qualifier === undefined ? '' : `:${qualifier}`}`;
  }

  /** One weighted draw: each additional version owns a slice of [0, 1) as wide as its weight. */
  private pick(alias: AliasState): string {
    let draw = this.random();
    for (const [version, weight] of Object.entries(alias.weights)) {
      if (draw < weight) return version;
      draw -= weight;
    }
    return alias.version;
  }

  private fn(name: string): FunctionState {
    const state = this.functions.get(name);
    if (!state) throw notFound(`Function not found: ${this.arn(name)}`);
    return state;
  }

  private artifact(fn: string, version: string, asked = version): string {
    const state = this.fn(fn);
    const dir = version === '$LATEST' ? state.latest : state.versions[Number(version) - 1];
    if (dir === undefined || !/^(\$LATEST|[1-9]\d*)$/.test(version)) {
      throw notFound(`Function not found: ${this.arn(fn, asked)}`);
    }
    return dir;
  }
}

function notFound(message: string): LambdaApiError {
  return new LambdaApiError(404, 'ResourceNotFoundException', message);
}
