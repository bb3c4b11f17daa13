// Request bodies for the handler fuzz, built from the parameters the generator placed in the body:
// form pairs, JSON objects, JSON-RPC envelopes and batches, JSON that is not an object, broken
// JSON, junk, and bodies padded to sizes around the 64 KiB limit. Each records how it was built
// (its kind) so the oracle (fuzz-expect.ts) never has to guess what the bytes were meant to be.

/** One parameter as sent: name, value, and a number choosing how it is written. */
export type Piece = readonly [name: string, value: string, style: number];

/** A body as generated; a Uint8Array (invalid UTF-8, junk) is always sent base64-encoded. */
export interface BodyPlan {
  /** form: `a=1&b=2`; json: any JSON text or a broken one; junk: no letter or digit at all. */
  kind: 'none' | 'form' | 'json' | 'junk';
  raw: string | Uint8Array | undefined;
  base64: boolean;
  /** The shape it was built as (a form or JSON `huge`, an envelope `rpc`...). */
  shape: BodyShape['kind'];
}

type Built = Omit<BodyPlan, 'shape'>;

/** How the generator asks for a body. */
export interface BodyShape {
  kind: 'none' | 'form' | 'json' | 'rpc' | 'batch' | 'scalar' | 'broken' | 'junk' | 'huge';
  base64: boolean;
  /** Selects among the variants of a kind (envelope version, id type, cut position, size...). */
  variant: number;
  /** Invalid UTF-8 inside a value (forces base64). */
  binary: boolean;
  /** A byte order mark or blanks before a JSON body. */
  prefix: '' | '\uFEFF' | ' \r\n\t';
}

// Byte sequences no UTF-8 decoder accepts: a lone continuation byte, an overlong form, a UTF-16
// surrogate encoded as UTF-8, a truncated sequence. None is `"`, `\` or a control character.
const BAD_UTF8 = [0xff, 0xc3, 0x28, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xf8, 0x88];
// Everything but ASCII letters and digits: junk can never spell a parameter name or `key`.
const JUNK = [...' \t\r\n!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'].map((c) => c.charCodeAt(0));
/** Body sizes around the limit (64 KiB = 65536 bytes), in bytes as sent (decoded). */
export const HUGE_SIZES = [65_535, 65_536, 65_537, 70_000, 200_000];

/** Builds the body of `shape` carrying `pieces`. */
export function buildBody(shape: BodyShape, pieces: Piece[]): BodyPlan {
  return { ...build(shape, pieces), shape: shape.kind };
}

function build(shape: BodyShape, pieces: Piece[]): Built {
  const v = shape.variant;
  const json = (text: string) => finish('json', shape, shape.prefix + text, pieces);
  switch (shape.kind) {
    case 'none':
      return { kind: 'none', raw: v % 2 === 0 ? undefined : '', base64: false };
    case 'form':
      return pieces.length === 0 ? none() : finish('form', shape, formText(pieces), pieces);
    case 'json':
      return json(objectText(pieces, v));
    case 'rpc':
      return json(envelope(pieces, v));
    case 'batch':
      return json(`[${envelope(pieces, v)},${envelope([], v + 1)}]`);
    case 'scalar':
      return json(['null', '42', '"caller=380441112233"', 'true', '[]', '""', '-1e400'][v % 7]!);
    case 'broken': {
      const text = objectText(pieces, v);
      return json(text.slice(0, 1 + (v % (text.length - 1))));
    }
    case 'junk':
      return junk(shape, v);
    case 'huge':
      return huge(shape, pieces, HUGE_SIZES[v % HUGE_SIZES.length]!);
  }
}

function none(): Built {
  return { kind: 'none', raw: '', base64: false };
}

/** Adds a value of invalid UTF-8 when asked; the body then travels as base64 bytes. */
function finish(kind: 'form' | 'json', shape: BodyShape, text: string, pieces: Piece[]): Built {
  if (!shape.binary || pieces.length === 0) return { kind, raw: text, base64: shape.base64 };
  const bad = Uint8Array.from(BAD_UTF8);
  if (kind === 'form') return { kind, raw: concat([utf8(`${text}&bin=`), bad]), base64: true };
  // Right after the first brace: a top-level name, or the first envelope's in a batch.
  const at = text.indexOf('{') + 1;
  if (at === 0) return { kind, raw: text, base64: shape.base64 };
  const comma = text[at] === '}' ? '' : ',';
  const raw = concat([
    utf8(`${text.slice(0, at)}"bin":"`),
    bad,
    utf8(`"${comma}${text.slice(at)}`),
  ]);
  return { kind, raw, base64: true };
}

/** `name=value` pairs: percent-encoded, form-encoded (`+` for space) or sent as written. */
export function formText(pieces: Piece[]): string {
  return pieces
    .map(([name, value, style]) => {
      if (style % 10 < 6) return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
      if (style % 10 < 8) return new URLSearchParams([[name, value]]).toString();
      return `${name}=${value}`;
    })
    .join('&');
}

/** A JSON object written by hand, so names may repeat and values take every JSON type. */
function objectText(pieces: Piece[], variant: number): string {
  const entries = pieces.map(
    ([name, value, style]) => `${JSON.stringify(name)}:${jsonValue(value, style)}`,
  );
  if (variant % 5 === 0) entries.push(`"deep":${'['.repeat(2000)}${']'.repeat(2000)}`);
  return `{${entries.join(',')}}`;
}

function jsonValue(value: string, style: number): string {
  switch (style % 10) {
    case 4:
      return JSON.stringify(encodeURIComponent(value));
    case 5:
      // A \u escape for the first letter or digit: the same string to JSON.parse.
      return JSON.stringify(value).replace(
        /[A-Za-z0-9]/,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    case 6:
      return /^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$/.test(value) ? value : JSON.stringify(value);
    case 7:
      return `[${JSON.stringify(value)}]`;
    case 8:
      return `{"value":${JSON.stringify(value)}}`;
    case 9:
      return ['null', 'true', 'false'][value.length % 3]!;
    default:
      return JSON.stringify(value);
  }
}

/** A JSON-RPC request; the variant picks the version, the shape of params and the id. */
function envelope(pieces: Piece[], variant: number): string {
  const version = ['"2.0"', '"2.0"', '"2.0"', '"1.0"', '2.0', null][variant % 6];
  const params = [objectText(pieces, variant), objectText(pieces, 1), '[1,2]', '"x"'][variant % 4];
  const ids = ['1', '"a-1"', '0', '-7.5', '12345678901234567890', 'null', '{}', 'true', null];
  const id = ids[Math.floor(variant / 6) % ids.length];
  const fields = [
    version === null ? null : `"jsonrpc":${version}`,
    '"method":"route"',
    `"params":${params}`,
    id === null ? null : `"id":${id}`,
  ];
  return `{${fields.filter((f) => f !== null).join(',')}}`;
}

/** Bytes with no letter or digit, as text or base64 (some with characters decoders skip). */
function junk(shape: BodyShape, variant: number): Built {
  const length = (variant * 7919) % 400;
  const pool = shape.base64 ? [...JUNK, ...BAD_UTF8] : JUNK;
  const bytes = Uint8Array.from({ length }, (_, i) => pool[(variant + i * 31) % pool.length]!);
  if (!shape.base64)
    return { kind: 'junk', raw: Buffer.from(bytes).toString('latin1'), base64: false };
  return { kind: 'junk', raw: bytes, base64: true };
}

/** A form or JSON body grown to exactly `size` bytes by one padding value. */
function huge(shape: BodyShape, pieces: Piece[], size: number): Built {
  const asJson = shape.variant % 2 === 0;
  const base = asJson ? objectText(pieces, 1) : formText(pieces);
  const fill = (n: number) => 'x'.repeat(Math.max(0, n));
  const head = asJson ? '{"pad":"' : 'pad=';
  const glue = asJson ? (base === '{}' ? '"' : '",') : base === '' ? '' : '&';
  const rest = asJson ? base.slice(1) : base;
  const overhead = utf8(head + glue + rest).length;
  return {
    kind: asJson ? 'json' : 'form',
    raw: head + fill(size - overhead) + glue + rest,
    base64: shape.base64,
  };
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
