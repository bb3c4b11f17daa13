// Generated requests for the handler fuzz (test/webhook/fuzz.test.ts), as plain data: which
// webhook the path names, the method, and every parameter with where it was put (query string,
// body, bare or `x-` header), plus noise: duplicate names, broken percent-encoding, prototype
// keys, odd and transport headers, auth keys right and wrong. fuzz-expect.ts derives the expected
// answer from this data; fuzz-plan.ts turns it into the Function URL event the handler gets.
import fc from 'fast-check';
import type { BodyShape, Piece } from './fuzz-bodies.ts';
import {
  assemble,
  type KeyPlace,
  type Parts,
  type Place,
  type Plan,
  TRANSPORT,
} from './fuzz-plan.ts';

/** A webhook as the fuzz sees it: its name, its parameters' values, its key if it has auth. */
export interface FuzzHook {
  name: string;
  vocab: Map<string, string[]>;
  key: string | null;
}

// Weights by repetition: a body carries parameters most often, as Ringostat's json send type does.
// biome-ignore format: lists of short literals read better packed
const PLACES: Place[] = ['query', 'query', 'body', 'body', 'body', 'header', 'x-header', 'cased-header'];
// Prototype keys, the auth key, names broken by percent-encoding, JSON-RPC's own names.
// biome-ignore format: lists of short literals read better packed
const NOISE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'key', '', 'x', '%zz', 'a%FFb', '+', 'jsonrpc', 'id'];
// Broken and truncated escapes, invalid UTF-8 once decoded, separators, Cyrillic raw and encoded.
// biome-ignore format: lists of short literals read better packed
const NOISE_VALUES = ['', '%', '%zz', '%E2%82', '%FF', '100%', 'a+b', '=', '&', '#', 'Київ', '%D0%9A%D0%B8%D1%97%D0%B2'];
// biome-ignore format: lists of short literals read better packed
const ODD_HEADERS: [string, unknown][] = [
  ['x-', 'v'], ['', 'v'], ['X-Junk-Upper', 'v'], ['x-junk-number', 5], ['x-junk-list', ['a']],
  ['x-junk-none', undefined], ['x-junk-long', 'v'.repeat(8192)], ['__proto__', 'p'],
  ['x-junk-joined', 'a, b, c'], ['x-route-key', ''],
];
// biome-ignore format: lists of short literals read better packed
const KINDS = [
  'none', 'none', 'form', 'form', 'form', 'json', 'json', 'json', 'rpc', 'rpc', 'rpc',
  'batch', 'scalar', 'broken', 'junk', 'huge',
] as const;

/** Requests across `hooks` (each named path), unknown paths and /healthz. */
export function plans(hooks: FuzzHook[]): fc.Arbitrary<Plan> {
  const target = fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...hooks).chain((hook) => known(hook)) },
    { weight: 1, arbitrary: unknownPath(hooks[0]!) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('/healthz', 'healthz', '/healthz/')
        .map((path) => ({ webhook: 'healthz', path, hook: hooks[0]! })),
    },
  );
  return target.chain(({ webhook, path, hook }) =>
    fc
      .record({ method: methods, parts: parts(hook), shape })
      .map(({ method, parts, shape }) => assemble(webhook, path, method, parts, shape)),
  );
}

const methods = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', ''),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

const shape: fc.Arbitrary<BodyShape> = fc.record({
  kind: fc.constantFrom(...KINDS),
  base64: fc.boolean(),
  variant: fc.nat(10_000),
  binary: fc.constantFrom(false, false, false, true),
  prefix: fc.constantFrom('', '', '', '', '', '\uFEFF', ' \r\n\t'),
});

function known(hook: FuzzHook) {
  const path = fc.constantFrom(
    `/${hook.name}`,
    `/${hook.name}`,
    `/${hook.name}`,
    `/${hook.name}/`,
    `//${hook.name}//`,
    hook.name,
  );
  return path.map((p) => ({ webhook: hook.name, path: p, hook }));
}

function unknownPath(hook: FuzzHook) {
  const name = hook.name;
  const paths = [
    '/',
    '',
    '/nope',
    `/${name}/extra`,
    `/${name.toUpperCase()}`,
    `/${name}.yaml`,
    `/%73${name.slice(1)}`,
    `/../${name}`,
  ];
  return fc.constantFrom(...paths).map((path) => ({ webhook: null, path, hook }));
}

function parts(hook: FuzzHook): fc.Arbitrary<Parts> {
  const names = [...hook.vocab.keys()];
  const placed = (name: string) =>
    fc
      .tuple(fc.constantFrom(...PLACES), paramValue(hook, name), fc.nat(9))
      .map(([place, value, style]) => ({ place, piece: [name, value, style] as Piece }));
  const key = hook.key ?? 'not-a-key';
  return fc.record({
    placed: fc
      .tuple(
        fc.tuple(...names.map((name) => fc.option(placed(name), { freq: 2 }))),
        fc.array(fc.constantFrom(...names).chain(placed), { maxLength: 3 }),
      )
      .map(([once, again]) => [...once.filter((p) => p !== null), ...again]),
    noise: fc.array(fc.tuple(fc.constantFrom('query' as const, 'body' as const), noisePiece), {
      maxLength: 4,
    }),
    headers: fc.array(
      fc.oneof(
        fc.constantFrom(...Object.entries(TRANSPORT)),
        fc.constantFrom(...ODD_HEADERS),
        junkHeader,
      ),
      { maxLength: 5 },
    ),
    keys: fc.array(
      fc.tuple(
        fc.constantFrom<KeyPlace>('query', 'body', 'x-route-key', 'x-key', 'key'),
        fc.constantFrom(key, key, key, 'wrong', '', ` ${key}`),
      ),
      { maxLength: 2 },
    ),
    mapOnly: fc.nat(29).map((n) => n === 0),
  });
}

function paramValue(hook: FuzzHook, name: string): fc.Arbitrary<string> {
  const known = fc.constantFrom(...hook.vocab.get(name)!);
  if (name !== 'caller') return known;
  // Random Ukrainian numbers spread callers over every branch of a split.
  const random = fc
    .integer({ min: 0, max: 999_999_999 })
    .map((n) => `380${String(n).padStart(9, '0')}`);
  return fc.oneof(known, random);
}

const noisePiece: fc.Arbitrary<Piece> = fc.tuple(
  fc.constantFrom(...NOISE_NAMES),
  fc.oneof(fc.constantFrom(...NOISE_VALUES), fc.string({ maxLength: 8 })),
  fc.nat(9),
);

const junkHeader: fc.Arbitrary<[string, unknown]> = fc.tuple(
  fc.stringMatching(/^[a-z]{1,6}$/).map((s) => `x-junk-${s}`),
  fc.string({ maxLength: 10 }),
);
