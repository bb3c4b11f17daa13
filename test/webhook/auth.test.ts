import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyMatches, newKey } from '../../src/webhook/auth.ts';

// sha256("password"), a well-known test vector.
const PASSWORD_SHA256 = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8';

describe('keyMatches', () => {
  it('accepts the key whose SHA-256 is configured', () => {
    expect(keyMatches(PASSWORD_SHA256, 'password')).toBe(true);
  });

  it('accepts the configured hash written in upper case', () => {
    expect(keyMatches(PASSWORD_SHA256.toUpperCase(), 'password')).toBe(true);
  });

  it.each<[string, string | null]>([
    ['a wrong key', 'passw0rd'],
    ['the key in another case', 'Password'],
    ['the key with a trailing space', 'password '],
    ['the hash itself', PASSWORD_SHA256],
    ['an empty key', ''],
    ['no key', null],
  ])('rejects %s', (_, key) => {
    expect(keyMatches(PASSWORD_SHA256, key)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['truncated', PASSWORD_SHA256.slice(0, 63)],
    ['too long', `${PASSWORD_SHA256}0`],
    ['padded', ` ${PASSWORD_SHA256}`],
    ['not hex', PASSWORD_SHA256.replace('5e', 'zz')],
  ])('never matches a %s configured hash', (_, keySha256) => {
    expect(keyMatches(keySha256, 'password')).toBe(false);
  });
});

describe('newKey', () => {
  it('returns a 32-byte base64url key and its SHA-256', () => {
    const { key, keySha256 } = newKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(keySha256).toBe(createHash('sha256').update(key).digest('hex'));
  });

  it('makes keys that keyMatches accepts', () => {
    const { key, keySha256 } = newKey();
    expect(keyMatches(keySha256, key)).toBe(true);
  });

  it('makes a different key every time', () => {
    expect(newKey().key).not.toBe(newKey().key);
  });
});
