// JSON pointers into the located YAML tree: the schema validator names places by `instancePath`,
// and these turn them back into lines and columns.
import type { Loc } from '../problem.ts';
import type { YNode } from './yaml-nodes.ts';

/** Escapes one JSON pointer segment (RFC 6901), matching ajv's `instancePath`. */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The node at a JSON pointer, or undefined. */
export function nodeAt(tree: YNode | null, pointer: string): YNode | undefined {
  let node: YNode | undefined = tree ?? undefined;
  for (const segment of segments(pointer)) node = child(node, segment)?.value;
  return node;
}

/** Position of the value at `pointer` (of its key with `key`), the nearest ancestor's if it is missing. */
export function locate(tree: YNode | null, pointer: string, key: boolean, start: Loc): Loc {
  let node: YNode | undefined = tree ?? undefined;
  let found: Loc = node?.loc ?? start;
  const parts = segments(pointer);
  for (let i = 0; i < parts.length && node; i++) {
    const next = child(node, parts[i]!);
    if (!next) return found;
    found = key && i === parts.length - 1 && next.keyLoc ? next.keyLoc : next.value.loc;
    node = next.value;
  }
  return found;
}

function child(
  node: YNode | undefined,
  segment: string,
): { value: YNode; keyLoc?: Loc } | undefined {
  if (node?.kind === 'map') return node.entries.get(segment);
  if (node?.kind === 'seq' && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)];
    return item && { value: item };
  }
  return undefined;
}

function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}
