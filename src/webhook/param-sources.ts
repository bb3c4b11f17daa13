// Shared pieces of the parameter readers, and the query string / form body reader. Each reader
// returns its own parameters and key; params.ts merges them by precedence.

/** Parameters by name. Readers build them with a null prototype; see ParsedRequest.params. */
export type Params = Record<string, string>;

/** One source's parameters (null when it has none) and its `key`, kept apart from them. */
export interface Source {
  params: Params | null;
  key: string | null;
}

/** Decodes %XX escapes; text with a malformed escape or bad UTF-8 is kept as it came. */
export function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Reads `a=1&b=2` with URLSearchParams semantics (`+` is space); a repeated name keeps the last. */
export function readForm(text: string): Source {
  let params: Params | null = null;
  let key: string | null = null;
  let eq = text.indexOf('=');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    // Search for `=` again only once the last one is behind us: linear even for `a&a&a...`.
    if (eq !== -1 && eq < start) eq = text.indexOf('=', start);
    if (end > start) {
      const split = eq !== -1 && eq < end ? eq : end;
      const name = formDecode(text.slice(start, split));
      const value = split < end ? formDecode(text.slice(split + 1, end)) : '';
      if (name === 'key') key = value;
      else if (name !== '') {
        params ??= Object.create(null) as Params;
        params[name] = value;
      }
    }
    start = end + 1;
  }
  return { params, key };
}

function formDecode(raw: string): string {
  const spaced = raw.indexOf('+') === -1 ? raw : raw.replaceAll('+', ' ');
  if (spaced.indexOf('%') === -1) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // URLSearchParams keeps a malformed escape as written and turns bad UTF-8 into U+FFFD;
    // rare enough that the exact but slow way is the right one.
    return new URLSearchParams(`v=${raw}`).get('v') ?? spaced;
  }
}
