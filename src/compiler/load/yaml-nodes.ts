// The located YAML tree the load pass builds (load-yaml.ts) and every later pass reads.
import type { Loc } from '../problem.ts';

/** A scalar: its value as the schema sees it, and its text exactly as written. */
export interface YScalar {
  kind: 'scalar';
  loc: Loc;
  value: unknown;
  /** `1.50`, `True`, `0441` stay as written; strings are their value. */
  text: string;
  /** True when the scalar is not a YAML string (`text` then is its source). */
  plain: boolean;
}

/** A sequence. */
export interface YSeq {
  kind: 'seq';
  loc: Loc;
  items: YNode[];
}

/** A mapping entry: the key, where it is written, and its value. */
export interface YEntry {
  key: string;
  keyLoc: Loc;
  value: YNode;
}

/** A mapping, entries in source order (merge keys resolved, explicit keys first). */
export interface YMap {
  kind: 'map';
  loc: Loc;
  entries: Map<string, YEntry>;
}

/** A located YAML node. */
export type YNode = YScalar | YSeq | YMap;
