import { hashUtf8 } from './fnv.ts';
import type { SplitBranch, Target } from './types.ts';

/**
 * The split bucket of a caller: 32-bit FNV-1a over the UTF-8 bytes of the caller's normalised
 * value (its digits for a phone number), modulo the total weight. FNV-1a is fixed by its spec, so
 * the same caller lands on the same branch on every instance, runtime version and deploy that keeps
 * the branches; test/router/split.test.ts pins known values.
 */
export function splitBucket(caller: string, total: number): number {
  return hashUtf8(caller) % total;
}

/** The index of the branch owning `bucket`: the first whose cumulative weight exceeds it. */
export function branchOf(branches: readonly SplitBranch[], bucket: number): number {
  let branch = 0;
  while (branch < branches.length - 1 && bucket >= branches[branch]!.upTo) branch++;
  return branch;
}

/** The target a caller (normalised value) lands on. */
export function splitTarget(branches: SplitBranch[], total: number, caller: string): Target {
  return branches[branchOf(branches, splitBucket(caller, total))]!.target;
}
