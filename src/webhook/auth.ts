// The webhook key check. The routing table stores only the key's SHA-256, so a leaked table or
// repository does not leak the key; requests carry the key itself (`?key=`).
import { Buffer } from 'node:buffer';

// node:crypto takes 5.6 ms to load in a fresh Node 24 process (bench/README.md, cold start), so
// it loads only where a webhook has `auth`: createHandler calls loadCrypto() at cold start then.
let crypto: typeof import('node:crypto') | undefined;

/** Loads node:crypto (once); the handler does this at cold start when any webhook has `auth`. */
export function loadCrypto(): typeof import('node:crypto') {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto;
}

/**
 * Whether sha256(key) equals `keySha256` (hex, either case: tools such as PowerShell's
 * Get-FileHash print upper case), compared in constant time. A missing or empty key never matches.
 */
export function keyMatches(keySha256: string, key: string | null): boolean {
  if (typeof key !== 'string' || key === '' || typeof keySha256 !== 'string') return false;
  const { hash, timingSafeEqual } = loadCrypto();
  const actual = Buffer.from(hash('sha256', key, 'hex'), 'latin1');
  const expected = Buffer.from(keySha256.toLowerCase(), 'latin1');
  // Lengths differ only for a malformed configured hash, whose length is no secret.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A new random key (32 bytes, base64url) and the `key_sha256` to put in the routes file. */
export function newKey(): { key: string; keySha256: string } {
  const { hash, randomBytes } = loadCrypto();
  const key = randomBytes(32).toString('base64url');
  return { key, keySha256: hash('sha256', key, 'hex') };
}
