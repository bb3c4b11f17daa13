// The compiled table: plain data written by src/compiler at build time and read by the router
// at run time. Nothing here may import build-time code.

/** Answer format, mirroring the webhook's receive type in Ringostat. */
export type AnswerFormat = 'json' | 'json-rpc' | 'text';

/** A destination the router can answer with directly. */
export type Target = { kind: 'to'; to: string } | { kind: 'schema'; schema: number };

/** A compiled route. `to` is already joined with commas; `table` falls through when absent. */
export type RouteData =
  | Target
  | { kind: 'split'; total: number; branches: SplitBranch[] }
  | { kind: 'table'; table: number };

/** One split branch; a caller hashing to h (0 <= h < total) takes the first branch with h < upTo. */
export interface SplitBranch {
  upTo: number;
  target: Target;
}

/** A compiled parameter test. All values are already normalised (trimmed, phone digits). */
export type TestData =
  | { op: 'eq'; values: string[] }
  | { op: 'in'; list: number }
  | { op: 'prefix'; values: string[] }
  | { op: 'contains'; values: string[] }
  | { op: 'range'; min: number | null; max: number | null }
  | { op: 'exists'; value: boolean }
  | { op: 'not'; test: TestData };

/** One `when` entry. */
export interface ParamTest {
  param: string;
  test: TestData;
}

/** A compiled rule, in file order. */
export interface RuleData {
  id: string;
  tests: ParamTest[];
  hours: { schedule: number; negate: boolean } | null;
  route: RouteData;
}

/**
 * A weekly schedule. `week` is base64 of 1260 bytes: bit m (byte m >> 3, bit m & 7) is set when
 * minute-of-week m is open; minute 0 is Monday 00:00 local time, 10079 is Sunday 23:59.
 * `closed` holds sorted local dates (YYYY-MM-DD) that are closed all day.
 */
export interface ScheduleData {
  name: string;
  week: string;
  closed: string[];
}

/** A named list: small ones inline (sorted), large numeric ones in a binary key file. */
export type ListData =
  | { name: string; kind: 'strings'; values: string[] }
  | { name: string; kind: 'keys'; file: string; count: number };

/** A per-caller table: sorted caller keys and destination indexes live in a binary key file. */
export interface CallerTableData {
  /** The CSV it came from, relative to routes/ (for explain). */
  source: string;
  file: string;
  count: number;
  targets: Target[];
}

/** Everything the router needs for one webhook. */
export interface TableData {
  format: 1;
  webhook: string;
  description: string | null;
  timezone: string | null;
  answer: { field: string; format: AnswerFormat };
  auth: { keySha256: string } | null;
  default: Target | { kind: 'split'; total: number; branches: SplitBranch[] };
  schedules: ScheduleData[];
  lists: ListData[];
  tables: CallerTableData[];
  rules: RuleData[];
  index: IndexData;
}

/**
 * Candidate index, precomputed at build time. Each rule is filed under one "anchor": a test it cannot
 * match without (an equality, a prefix, a large list or its caller table), or under `scan` when it
 * has none. Among its tests, a rule takes the one whose values the fewest other rules share, so no
 * anchor collects many rules. `decide` looks up only the anchors the call's values hit, so its cost
 * does not grow with the number of rules.
 */
export interface IndexData {
  params: ParamIndexData[];
  /** Rules without an anchor, ascending. */
  scan: number[];
}

/** Anchors on one parameter; every rule id run is ascending. */
export interface ParamIndexData {
  param: string;
  eq: AnchorRuns;
  prefix: AnchorRuns;
  lists: [list: number, rules: number[]][];
  tables: [table: number, rules: number[]][];
}

/**
 * Values (or prefixes) and the rules filed under each, as flat arrays: the rules of `keys[i]` are
 * `rules[start[i]]` up to, not including, `rules[start[i + 1]]`. Flat number arrays keep the table
 * JSON small and quick to parse at cold start (no array per value).
 */
export interface AnchorRuns {
  /** Sorted by UTF-16 code unit. */
  keys: string[];
  /** keys.length + 1 offsets into `rules`. */
  start: number[];
  rules: number[];
  /** Each key's hash (`hashKey` in router/keys.ts), so loading never reads the keys' characters. */
  hashes: number[];
}

/**
 * A table as `routes build` writes it: the rules live in a file beside it (`rules.file`), one
 * JSON document per line, read as raw bytes at cold start and parsed line by line the first time
 * a call reaches a rule. Parsing 10k rule objects at load took 17-19 ms of cold start
 * (bench/README.md), and a call touches only a handful of rules.
 */
export interface TableFile extends Omit<TableData, 'rules'> {
  rules: { file: string; count: number };
}

/** The build manifest, served on /healthz and logged (hash) with every decision. */
export interface Manifest {
  /** sha256 over every compiled table and key file: what is deployed. */
  tableHash: string;
  /** sha256 over every source file read (YAML, lists, CSV tables): what was reviewed. */
  sourceHash: string;
  /** The last commit that changed a build input (routes, src, schema, lockfile), not HEAD. */
  gitRevision: string | null;
  /** That commit's date (or SOURCE_DATE_EPOCH), so one commit always builds the same bytes. */
  builtAt: string;
  /** The build also holds uncommitted changes to its inputs (or none of them is in git). */
  dirty: boolean;
  schemaVersion: number;
  webhooks: Record<string, { rules: number; hash: string }>;
}
