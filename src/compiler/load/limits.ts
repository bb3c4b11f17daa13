// Bounds on what `routes check` reads, so a hostile or broken file gets a located error instead
// of hanging CI or exhausting memory. docs/limits.md lists them for users, with what each costs.

/** Resource limits of the compiler. */
export const LIMITS = {
  /** A webhook or route-test file (YAML); large value sets belong in list and table files. */
  yamlBytes: 16 * 1024 * 1024,
  /** A list (.txt) or caller table (.csv) file: Lambda's package limit is 250 MB anyway. */
  dataFileBytes: 256 * 1024 * 1024,
  /** Lines of a list or caller table file: each becomes objects; the benchmark's table has 1M. */
  dataLines: 5_000_000,
  /** Nodes that aliases may expand to, per file (a "billion laughs" file is cut here). */
  aliasNodes: 100_000,
  /** Nodes (scalars, collections, items) in one YAML file, about 5 µs each to check; the 100,000-rule benchmark file has 1.64M. */
  yamlNodes: 2_000_000,
  /** Nesting depth of a YAML file. */
  depth: 64,
  /** Rules in one webhook, counted before validation (the benchmark builds 100,000). */
  rules: 200_000,
} as const;
