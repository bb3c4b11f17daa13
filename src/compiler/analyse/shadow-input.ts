// What the shadow analysis (shadow.ts) takes and gives: rules as sets of values and times.

/** The strings a test accepts. */
export type ValueSet =
  | { kind: 'values'; values: string[]; negate: boolean }
  | { kind: 'prefixes'; prefixes: string[]; negate: boolean }
  | { kind: 'opaque'; key: string };

/** A rule as the analysis sees it: the AND of its tests and its time test. */
export interface ShadowRule {
  tests: { param: string; set: ValueSet }[];
  time: { week: Uint8Array; closed: readonly string[]; negate: boolean } | null;
}

/** A rule that can never answer, and earlier rules that together take all its calls. */
export interface Shadowed {
  index: number;
  by: number[];
}
