import type { SplitBranch, Target } from './types.ts';

/**
 * The split bucket of a caller: 32-bit FNV-1a over the UTF-16 code units of the caller's normalised
 * value (its digits for a phone number), modulo the total weight. FNV-1a is fixed by its spec, so
 * the same caller lands on the same branch on every instance, runtime version and deploy that keeps
 * the branches; test/router/split.test.ts pins known values.
 */
export function splitBucket(caller: string, total: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caller.length; i++) {
    hash ^= caller.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % total;
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
