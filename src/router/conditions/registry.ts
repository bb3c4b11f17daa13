// The run-time condition registry: one entry per kind, keyed by the kind's `op`. A kind missing
// here, or registered with the wrong data, is a type error (the compiler's registry in
// src/compiler/conditions/registry.ts is keyed by the same kinds).

import type { CallScope } from '../scope.ts';
import { type AnyOfData, anyOf } from './any-of.ts';
import type {
  Check,
  CheckContext,
  DescribeContext,
  RouterCondition,
  WhyContext,
} from './condition.ts';
import { type ContainsData, contains } from './contains.ts';
import { type CountryData, country } from './country.ts';
import { type DuringData, during } from './during.ts';
import { type EqData, eq } from './eq.ts';
import { type ExistsData, exists } from './exists.ts';
import { type HoursData, hours } from './hours.ts';
import { type InData, inList } from './in-list.ts';
import { type NotData, not } from './not.ts';
import { type PrefixData, prefix } from './prefix.ts';
import { type RangeData, range } from './range.ts';

/** Compiled data of every condition kind, by kind. */
export interface ConditionDataMap {
  eq: EqData;
  'any-of': AnyOfData;
  in: InData;
  prefix: PrefixData;
  contains: ContainsData;
  range: RangeData;
  exists: ExistsData;
  not: NotData<ConditionData>;
  country: CountryData;
  hours: HoursData;
  during: DuringData;
}

/** Every condition kind. */
export type ConditionKind = keyof ConditionDataMap;

/** A compiled condition of any kind (`op` says which). */
export type ConditionData =
  | EqData
  | AnyOfData
  | InData
  | PrefixData
  | ContainsData
  | RangeData
  | ExistsData
  | NotData<ConditionData>
  | CountryData
  | HoursData
  | DuringData;

// ConditionData is written out because `not` nests it; these two lines fail to compile when it and
// ConditionDataMap disagree on the kinds.
const everyKindIsData: ConditionData['op'] = '' as ConditionKind;
const everyDataIsKind: ConditionKind = '' as ConditionData['op'];
void [everyKindIsData, everyDataIsKind];

/** The registry itself. */
export const ROUTER_CONDITIONS = {
  eq,
  'any-of': anyOf,
  in: inList,
  prefix,
  contains,
  range,
  exists,
  not,
  country,
  hours,
  during,
} satisfies { [K in ConditionKind]: RouterCondition<ConditionDataMap[K]> };

/** The kinds that read the call's time rather than a parameter's value. */
export const TIME_KINDS: ReadonlySet<ConditionKind> = new Set<ConditionKind>(['hours', 'during']);

/** What `compileCheck` needs besides the data: see CheckContext. */
export type CheckPlace = Omit<CheckContext, 'inner'>;

/** Compiles any condition through its kind's entry. */
export function compileCheck(data: ConditionData, at: CheckPlace): Check {
  const ctx: CheckContext = { ...at, inner: (inner) => compileCheck(inner as ConditionData, at) };
  return entry(data).compile(data, ctx);
}

/** Describes any condition through its kind's entry. */
export function describeCondition(data: ConditionData, at: Omit<DescribeContext, 'inner'>): string {
  const ctx: DescribeContext = {
    ...at,
    inner: (inner) => describeCondition(inner as ConditionData, at),
  };
  return entry(data).describe(data, ctx);
}

/** Says what the call had instead, through the kind's entry. */
export function whyNot(data: ConditionData, call: CallScope, at: WhyContext): string {
  return entry(data).why(data, call, at);
}

// The one place the data's `op` picks its entry; the table's type guarantees they match.
function entry(data: ConditionData): RouterCondition<ConditionData> {
  return ROUTER_CONDITIONS[data.op] as RouterCondition<ConditionData>;
}
