// The run-time half of a condition kind. Every kind of `when` condition (equality, lists, prefixes,
// hours, ...) is one object of this shape in its own file, registered once in registry.ts; the
// build-time half lives in src/compiler/conditions/. docs/architecture.md lists what a new kind
// touches.

import type { ListSet } from '../lists.ts';
import type { Schedule } from '../schedule.ts';
import type { CallScope } from '../scope.ts';

/** A compiled condition: holds or not for one call. */
export type Check = (call: CallScope) => boolean;

/** What compiling a condition may use: the parameter's slot, the table's lists and schedules. */
export interface CheckContext {
  /** The CallScope slot of the parameter the condition tests (value kinds). */
  slot: number;
  lists: readonly ListSet[];
  schedules: readonly Schedule[];
  /** Compiles a nested condition on the same parameter (`not`). */
  inner(data: unknown): Check;
}

/** What describing a condition may use: names for the table's numbered lists and schedules. */
export interface DescribeContext {
  listNames: readonly string[];
  scheduleNames: readonly string[];
  /** Describes a nested condition (`not`). */
  inner(data: unknown): string;
}

/** Where a failed condition looked, for explain's "no (...)" part. */
export interface WhyContext {
  param: string;
  slot: number;
  schedules: readonly Schedule[];
}

/** One condition kind at run time; `D` is its compiled data (written by the compiler). */
export interface RouterCondition<D> {
  /** Turns compiled data into a check, once per rule, when a call first reaches the rule. */
  compile(data: D, at: CheckContext): Check;
  /** The condition in words, after the parameter name: `in list vip`, `starts with "38044"`. */
  describe(data: D, at: DescribeContext): string;
  /** What the call had instead, when the condition failed: `caller is "380..."`. */
  why(data: D, call: CallScope, at: WhyContext): string;
}

/** `why` for conditions on a parameter's value: the value the call carried, or that it had none. */
export function valueWhy(_data: unknown, call: CallScope, at: WhyContext): string {
  const shown = call.has(at.param) ? JSON.stringify(call.value(at.slot)) : 'absent';
  return `${at.param} is ${shown}`;
}

/** A value in quotes, as explain prints condition values. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
