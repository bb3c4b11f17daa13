// The build-time half of a condition kind: read it from YAML with its places, resolve the names it
// uses, compile it for the router, and describe it to the analyses (shadowing, the index, the
// diff). Each kind is one object of this shape in its own file, registered in registry.ts; its
// run-time half is in src/router/conditions/.
import type { ConditionKind } from '../../router/conditions/registry.ts';
import type { ValueSet } from '../analyse/shadow.ts';
import type { YNode } from '../load/load-yaml.ts';
import type { ListIR, ScheduleIR, TextAt } from '../model/ir.ts';
import type { Loc, Problem } from '../problem.ts';

/** How `when` writes a kind: a bare value, a list of values, a condition object's keys, or a `when` key. */
export type ConditionForm =
  | { shape: 'value' }
  | { shape: 'values' }
  | { keys: readonly string[] }
  | { whenKey: string };

/** A nested condition as parsed (`not`'s inner condition). */
export interface InnerSpec {
  kind: ConditionKind;
  spec: unknown;
}

/** What parsing a condition may use. */
export interface ParseContext {
  /** Reads a nested condition (`not`) on the same parameter. */
  inner(node: YNode): InnerSpec | null;
}

/** What resolving names may use; unknown names are reported here, with the defined ones. */
export interface ResolveContext {
  /** `rule "id"`, the prefix of every message. */
  what: string;
  param: string;
  /** The list's position, or null after reporting an unknown name. */
  list(name: TextAt): number | null;
  /** The schedule's position, or null after reporting an unknown name (or a missing timezone). */
  schedule(name: TextAt): number | null;
  /** Reports, once per webhook, that a condition at `loc` needs the webhook's `timezone`. */
  needsTimezone(loc: Loc): void;
  inner(spec: InnerSpec): void;
}

/** What lowering may use. */
export interface LowerContext {
  what: string;
  param: string;
  /** True when `param` is one of Ringostat's phone-number parameters. */
  phoneParam: boolean;
  problems: Problem[];
  lists: readonly ListIR[];
  schedules: readonly ScheduleIR[];
  /** The webhook's IANA zone (null when it has none). */
  timezone: string | null;
  inner(spec: InnerSpec): unknown;
}

/** A time condition as the shadow analysis reads it. */
export interface TimeShape {
  week: Uint8Array;
  closed: readonly string[];
  negate: boolean;
}

/** How the shadow analysis sees one condition: a set of values, or a set of times. */
export type ShadowPart = { value: ValueSet } | { time: TimeShape };

/** A condition's witness values (see CompilerCondition.witnesses). */
export interface Witnesses {
  named: string[];
  others: string[];
}

/** What the analyses may use. */
export interface AnalysisContext {
  lists: readonly ListIR[];
  schedules: readonly ScheduleIR[];
  /** The same question about a nested condition's data (`not`). */
  inner<T>(data: unknown, ask: 'shadow' | 'witnesses'): T;
}

/** An index anchor a rule cannot match without; lower tiers are preferred. */
export type AnchorOption =
  | { kind: 'eq'; values: string[]; tier: 0 }
  | { kind: 'list'; list: number; tier: 1 }
  | { kind: 'prefix'; values: string[]; tier: 2 };

/** One condition kind at build time; `S` is its parsed spec, `D` its compiled data. */
export interface CompilerCondition<S, D> {
  readonly form: ConditionForm;
  /** Reads the spec from the condition's node (already schema-valid), keeping places. */
  parse(node: YNode, ctx: ParseContext): S;
  /** Resolves the names the spec refers to. */
  resolve(spec: S, ctx: ResolveContext): void;
  /** Compiles the spec to the router's data; null after reporting why it cannot be. */
  lower(spec: S, ctx: LowerContext): D | null;
  /**
   * Values that realise every distinction the condition makes, for the diff: `named` are the
   * values it names exactly (a list's members), `others` stand for the values it does not name
   * (a prefix and its extensions, a bound and its neighbours). Time kinds give call dates.
   */
  witnesses(data: D, ctx: AnalysisContext): Witnesses;
  /** The condition as a set, for shadowed-rule analysis. */
  shadow(data: D, ctx: AnalysisContext): ShadowPart;
  /** An index anchor, if this kind can file a rule under one. */
  anchor(data: D, ctx: AnalysisContext): AnchorOption | null;
}

/** The texts of a scalar or a sequence of scalars, with their places. */
export function texts(node: YNode): TextAt[] {
  const nodes = node.kind === 'seq' ? node.items : [node];
  return nodes.map((n) => ({ text: n.kind === 'scalar' ? n.text : '', loc: n.loc }));
}

/** The value under a condition object's key (the object is schema-valid, so the key is there). */
export function field(node: YNode, key: string): YNode {
  if (node.kind !== 'map') throw new TypeError(`expected a mapping at ${node.loc.line}`);
  return node.entries.get(key)!.value;
}

/** The place of a condition object's value under `key`. */
export function fieldLoc(node: YNode, key: string): Loc {
  return field(node, key).loc;
}

/** No names to resolve. */
export function noNames(): void {}

/** No index anchor. */
export function noAnchor(): null {
  return null;
}

/** An opaque condition for the shadow analysis: it only ever covers an identical condition. */
export function opaque(key: string): ShadowPart {
  return { value: { kind: 'opaque', key } };
}
