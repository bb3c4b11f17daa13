// Finds the line whose indentation breaks a file's block structure. The YAML parser reports such
// a line in its own terms ("Sequence item without - indicator", "All mapping items must start at
// the same column") at column 1 or on the line before, often with follow-on errors; this walk
// names the line and its first character instead. It follows block mappings and sequences,
// skipping flow collections, quoted text spanning lines and block scalars; on anything it does
// not follow (explicit keys, directives, tabs) it gives up and the parser's words stand.

/** A line indented so that it belongs to no block: where it starts, and the line above's indent. */
export interface BadIndent {
  line: number;
  col: number;
  spaces: number;
  above: number;
}

interface Frame {
  col: number;
  kind: 'map' | 'seq';
}

/** Scanner state carried across lines: open flow brackets and an open quote. */
interface Scan {
  depth: number;
  quote: '"' | "'" | null;
}

interface Walk {
  frames: Frame[];
  /** The key or `-` of the line above when nothing followed it: the next line may go deeper. */
  opener: Frame | null;
  /** Lines more indented than this belong to a block scalar (`|`, `>`). */
  blockScalar: number | null;
  scan: Scan;
  above: number;
}

/** The first badly indented line of `text`, or null when there is none it can tell. */
export function findBadIndent(text: string): BadIndent | null {
  const walk: Walk = {
    frames: [],
    opener: null,
    blockScalar: null,
    scan: { depth: 0, quote: null },
    above: 0,
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const result = step(walk, lines[n]!.replace(/\r$/, ''));
    if (result === 'give-up') return null;
    if (result !== null) return { line: n + 1, col: result.spaces + 1, ...result };
  }
  return null;
}

type Step = null | 'give-up' | { spaces: number; above: number };

function step(walk: Walk, line: string): Step {
  const spaces = line.length - line.trimStart().length;
  const content = line.trimStart();
  if (walk.blockScalar !== null) {
    if (content === '' || spaces > walk.blockScalar) return null;
    walk.blockScalar = null;
  }
  if (walk.scan.depth > 0 || walk.scan.quote !== null) {
    scanFrom(line, 0, walk.scan, false);
    return null;
  }
  if (content === '' || content.startsWith('#')) return null;
  if (/^[\t ]*\t/.test(line) || /^(---|\.\.\.|%|\?)/.test(content)) return 'give-up';
  const chain = structure(line, spaces, walk);
  if (chain === 'give-up') return chain;
  if (!place(walk, spaces, chain.frames[0]?.kind)) return { spaces, above: walk.above };
  walk.frames.push(...chain.frames);
  walk.opener = chain.opener;
  walk.above = chain.frames.at(-1)?.col ?? spaces;
  return null;
}

/** Fits a line starting at `spaces` into the open blocks; false when it fits none. */
function place(walk: Walk, spaces: number, kind: Frame['kind'] | undefined): boolean {
  const { frames, opener } = walk;
  const deeper = opener && (spaces > opener.col || (spaces === opener.col && kind === 'seq'));
  if (deeper) return true;
  while (frames.length > 0 && frames.at(-1)!.col > spaces) frames.pop();
  // `key:` then `- item` at the key's column: the sequence closes where the mapping continues.
  if (frames.at(-1)?.kind === 'seq' && kind === 'map' && frames.at(-2)?.col === spaces)
    frames.pop();
  const top = frames.at(-1);
  if (top === undefined) return true;
  if (top.col === spaces) {
    frames.pop();
    return kind !== undefined;
  }
  // Deeper than its block with nothing opened above: a plain scalar's next line, or an error.
  return kind === undefined;
}

/** The blocks a line opens (`- ` items, then a key) and what it leaves open for the next line. */
function structure(
  line: string,
  spaces: number,
  walk: Walk,
): { frames: Frame[]; opener: Frame | null } | 'give-up' {
  const frames: Frame[] = [];
  let at = spaces;
  while (line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ')) {
    frames.push({ col: at, kind: 'seq' });
    at = firstNonSpace(line, at + 1);
  }
  if (line[at] === '?') return 'give-up';
  const colon = at < line.length ? scanFrom(line, at, walk.scan, true) : -1;
  if (colon >= 0) {
    frames.push({ col: at, kind: 'map' });
    scanFrom(line, colon + 1, walk.scan, false);
  }
  const last = frames.at(-1) ?? null;
  const value = withoutComment(colon >= 0 ? line.slice(colon + 1) : line.slice(at));
  if (walk.scan.depth > 0 || walk.scan.quote !== null) return { frames, opener: null };
  if (/^((&|!)\S*\s+)*[|>][-+0-9]*$/.test(value)) walk.blockScalar = last?.col ?? spaces;
  const opens = /^((&|!)\S*\s*)*$/.test(value) && (colon >= 0 || at >= line.length);
  return { frames, opener: opens ? last : null };
}

/**
 * Scans `s` from `from`, tracking flow brackets and quotes in `st`; returns the index of the first
 * key colon (`: ` or a final `:` outside brackets and quotes) when `wantKey`, else -1.
 */
function scanFrom(s: string, from: number, st: Scan, wantKey: boolean): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (st.quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') st.quote = null;
      continue;
    }
    if (st.quote === "'") {
      if (c === "'" && s[i + 1] === "'") i++;
      else if (c === "'") st.quote = null;
      continue;
    }
    const starts = i === from || /[\s[{,]/.test(s[i - 1]!);
    if (c === '#' && (i === from || /\s/.test(s[i - 1]!))) return -1;
    if ((c === '"' || c === "'") && starts) st.quote = c;
    else if ((c === '[' || c === '{') && (starts || st.depth > 0)) st.depth++;
    else if ((c === ']' || c === '}') && st.depth > 0) st.depth--;
    else if (c === ':' && wantKey && st.depth === 0 && (i + 1 === s.length || /\s/.test(s[i + 1]!)))
      return i;
  }
  return -1;
}

function withoutComment(value: string): string {
  const hash = value.search(/(^|\s)#/);
  return (hash < 0 ? value : value.slice(0, hash)).trim();
}

function firstNonSpace(s: string, from: number): number {
  let i = from;
  while (s[i] === ' ') i++;
  return i;
}
