// The compiler's one in-memory form of a webhook. The model pass builds it from the YAML tree;
// each later pass (pipeline.ts) reads it and fills in what it computes: resolved names, lowered
// values, week bitmaps, caller keys, compiled conditions, the index. Only the emit pass turns it
// into the table files the router loads.
import type { ConditionData, ConditionKind } from '../../router/conditions/registry.ts';
import type { AnswerFormat, IndexData, RouteData, Target } from '../../router/types.ts';
import type { Loc, Problem } from '../problem.ts';

/** A scalar's text as written and where it sits. */
export interface TextAt {
  text: string;
  loc: Loc;
}

/** One webhook on its way through the passes. */
export interface WebhookIR {
  name: string;
  /** The file as printed in messages (`routes/sales.yaml`). */
  file: string;
  loc: Loc;
  description: string | null;
  timezone: TextAt | null;
  answer: { field: string; format: AnswerFormat; loc: Loc };
  keySha256: string | null;
  default: RouteIR;
  schedules: ScheduleIR[];
  lists: ListIR[];
  /** Caller tables in order of first use (`route: { table }`), filled by the resolve pass. */
  tables: CallerTableIR[];
  rules: RuleIR[];
  /** The candidate index, from the index pass. */
  index: IndexData | null;
  problems: Problem[];
}

/** A named weekly schedule: as written, then (lower) its minute-of-week bitmap and closed dates. */
export interface ScheduleIR {
  name: string;
  loc: Loc;
  days: { key: TextAt; ranges: TextAt[] }[];
  closed: TextAt[];
  /** 1260 bytes, bit m set when minute-of-week m is open (lower pass). */
  week: Uint8Array | null;
  /** Sorted distinct valid closed dates (lower pass). */
  closedDates: string[];
}

/** A named list: where its values come from, then (lower) its normalised values. */
export interface ListIR {
  name: string;
  loc: Loc;
  source: { kind: 'inline'; values: TextAt[] } | { kind: 'file'; path: TextAt };
  /** Parameters the list is tested on (resolve pass): phone parameters get their numbers checked. */
  params: Set<string>;
  /** Sorted distinct normalised values (lower pass). */
  values: string[] | null;
  /** How the list ships (lower pass): inline strings, or a binary key file for large numeric lists. */
  storage: 'strings' | 'keys' | null;
}

/** A `table:` CSV: its path, then (lower) its rows as sorted caller keys with their targets. */
export interface CallerTableIR {
  path: TextAt;
  /** `rule "id"` of the first rule that uses it, for messages. */
  what: string;
  /** Where each caller goes: `keys[i]` (sorted) answers `targets[target[i]]` (lower pass). */
  keys: Float64Array | null;
  target: Uint32Array | null;
  targets: Target[];
  /** The file as printed (`routes/lists/managers.csv`), for messages. */
  file: string | null;
}

/** One rule. */
export interface RuleIR {
  index: number;
  id: string;
  loc: Loc;
  conditions: ConditionIR[];
  route: RouteIR;
}

/** One `when` entry: its kind (registry), parameter, place, spec as written, then compiled data. */
export interface ConditionIR {
  kind: ConditionKind;
  /** The parameter tested, or the `when` key for time conditions (`hours`). */
  param: string;
  loc: Loc;
  /** The kind's own parsed form (see its entry in src/compiler/conditions/). */
  spec: unknown;
  /** Compiled data (lower pass); null when it could not be compiled. */
  data: ConditionData | null;
}

/** A route as written, then (lower) its compiled data. */
export type RouteIR = (
  | { kind: 'to'; to: TextAt[] }
  | { kind: 'schema'; schema: number }
  | { kind: 'split'; branches: BranchIR[] }
  | { kind: 'table'; path: TextAt; table: number | null }
) & { loc: Loc; data: RouteData | null };

/** One weighted split branch. */
export interface BranchIR {
  weight: number;
  loc: Loc;
  target: { kind: 'to'; to: TextAt[]; loc: Loc } | { kind: 'schema'; schema: number; loc: Loc };
}
