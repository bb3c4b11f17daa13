// The webhook key check. The routing table stores only the key's SHA-256, so a leaked table or
// repository does not leak the key; requests carry the key itself (`?key=`).
import { Buffer } from 'node:buffer';
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Whether sha256(key) equals `keySha256` (hex, either case: tools such as PowerShell's
 * Get-FileHash print upper case), compared in constant time. A missing or empty key never matches.
 */
export function keyMatches(keySha256: string, key: string | null): boolean {
  if (typeof key !== 'string' || key === '' || typeof keySha256 !== 'string') return false;
  const actual = Buffer.from(hash('sha256', key, 'hex'), 'latin1');
  const expected = Buffer.from(keySha256.toLowerCase(), 'latin1');
  // Lengths differ only for a malformed configured hash, whose length is no secret.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A new random key (32 bytes, base64url) and the `key_sha256` to put in the routes file. */
export function newKey(): { key: string; keySha256: string } {
  const key = randomBytes(32).toString('base64url');
  return { key, keySha256: hash('sha256', key, 'hex') };
}
