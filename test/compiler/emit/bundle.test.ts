import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltArtifact, buildExample } from '../../support/artifact.ts';

// Build time and run time never mix (docs/style.md, 1): esbuild's metafile lists every input that
// reached the Lambda bundle, so this fails the moment a run-time file imports build-time code.
let artifact: BuiltArtifact;
let inputs: string[];

beforeAll(async () => {
  artifact = await buildExample();
  const meta = JSON.parse(readFileSync(join(artifact.dir, '..', 'meta.json'), 'utf8'));
  inputs = Object.keys(meta.inputs);
});
afterAll(() => artifact.cleanup());

describe('the Lambda bundle', () => {
  it.each([
    'yaml',
    'ajv',
    'ajv-formats',
    'libphonenumber-js',
    'esbuild',
    'json-schema-to-typescript',
  ])('contains nothing from %s', (pkg) => {
    expect(inputs.filter((i) => i.includes(`node_modules/${pkg}/`))).toEqual([]);
  });

  it('contains no npm package at all, only run-time sources', () => {
    expect(inputs.filter((i) => i.includes('node_modules/'))).toEqual([]);
    const outside = inputs.filter(
      (i) => !/^src\/(router|webhook)\/([a-z-]+\/)?[a-z-]+\.ts$|^src\/lambda\.ts$/.test(i),
    );
    expect(outside).toEqual([]);
  });

  it('includes the router and the handler core', () => {
    expect(inputs).toEqual(
      expect.arrayContaining(['src/lambda.ts', 'src/router/decide.ts', 'src/webhook/handler.ts']),
    );
  });

  it('stays within its 50 KB budget (docs/architecture.md, performance goals)', () => {
    const bytes = statSync(join(artifact.dir, 'index.mjs')).size;
    console.log(`handler bundle: ${bytes} bytes minified`);
    expect(bytes).toBeLessThan(50_000);
  });
});
