import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CALL_PATH, sampleCall } from '../../bench/calls.ts';

const FIXTURE = 'test/fixtures/events/ringostat-sample-call.json';

describe('the bench sample call', () => {
  it('is read from the test fixtures, inside the repository', () => {
    expect(relative(resolve('.'), SAMPLE_CALL_PATH)).toBe(FIXTURE);
    expect(sampleCall()).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });

  it('is not read from an absolute path anywhere in bench/', () => {
    const absolute = /['"`]\/[A-Za-z0-9._-]+\//;
    const offenders = readdirSync('bench')
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => absolute.test(readFileSync(join('bench', name), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
