/** Parsed command-line arguments: positionals, `key=value` pairs and `--flags`. */
export interface Args {
  positionals: string[];
  flags: Map<string, string[]>;
}

/** Thrown for unusable command lines; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Parses `--name value`, `--name=value` and bare `--switch` (when listed in `switches`).
 * Repeated flags accumulate, so `--header a --header b` keeps both.
 */
export function parseArgs(argv: string[], switches: readonly string[] = []): Args {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (switches.includes(name)) value = 'true';
    else {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positionals, flags };
}

/** The last value of a flag, or `fallback`. */
export function flag(args: Args, name: string, fallback: string): string;
export function flag(args: Args, name: string): string | undefined;
export function flag(args: Args, name: string, fallback?: string): string | undefined {
  return args.flags.get(name)?.at(-1) ?? fallback;
}

/** Rejects flags the command does not know, so typos fail loudly. */
export function allowFlags(args: Args, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name)) {
      throw new UsageError(
        `unknown option --${name} (known: ${known.map((k) => `--${k}`).join(', ')})`,
      );
    }
  }
}

/** Splits `key=value` positionals into an object; throws on a positional without `=`. */
export function keyValues(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`expected key=value, got "${item}"`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
