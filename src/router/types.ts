// The compiled table's plain parts, written by src/compiler at build time and read by the router
// at run time: targets, schedules, lists, the index and the manifest. The rules themselves are in
// table-data.ts. Nothing here imports anything, so every run-time file may use these types.

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

/**
 * Candidate index, precomputed at build time. Each rule is filed under one "anchor": a condition it cannot
 * match without (an equality, a prefix, a large list or its caller table), or under `scan` when it
 * has none. Among its conditions, a rule takes the one whose values the fewest other rules share, so no
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
  /** Each key's hash (`hashUnits` in router/fnv.ts), so loading never reads the keys' characters. */
  hashes: number[];
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
