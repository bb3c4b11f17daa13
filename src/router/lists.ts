// Run time: the webhook's named lists, loaded once at cold start.
import { findKey, type KeyFile } from './keys.ts';
import { keyOf } from './normalize.ts';
import type { ListData } from './types.ts';

/** Membership in a named list, whatever its storage. */
export type ListSet = { has(value: string): boolean };

/**
 * Loads a list: a Set for inline values, built on first use (most of a large table's small lists
 * are expanded into equality anchors and never asked), bisection over the binary key file for
 * large ones, read here so a bad file fails at load.
 */
export function loadList(
  data: ListData,
  readFile: (name: string) => Uint8Array,
  read: (b: Uint8Array) => KeyFile,
): ListSet {
  if (data.kind === 'strings') return new LazySet(data.values);
  const keys = read(readFile(data.file));
  return { has: (value) => findKey(keys, keyOf(value)) >= 0 };
}

class LazySet {
  private set: Set<string> | null = null;
  constructor(private readonly values: string[]) {}
  has(value: string): boolean {
    this.set ??= new Set(this.values);
    return this.set.has(value);
  }
}
