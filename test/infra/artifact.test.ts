import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArtifactMissingError, hashDirectory, readArtifact } from '../../infra/artifact.ts';
import { RouterStack } from '../../infra/router-stack.ts';
import { buildAll } from '../../src/compiler/emit/build.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';
import {
  cleanTempDirs,
  copyFixtureArtifact,
  FIXTURE_ARTIFACT,
  logicalId,
  resource,
  synthRouter,
  tempDir,
  testSettings,
} from './synth.ts';

beforeAll(() => {
  vi.stubEnv('CDK_VALIDATION', 'false');
});

afterAll(() => {
  vi.unstubAllEnvs();
  cleanTempDirs();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('readArtifact', () => {
  it.each([
    [['index.mjs'], 'index.mjs'],
    [['manifest.json'], 'manifest.json'],
    [['index.mjs', 'manifest.json'], 'index.mjs or manifest.json'],
  ])('refuses a directory without %j', (remove, named) => {
    const dir = copyFixtureArtifact();
    for (const file of remove) rmSync(join(dir, file));
    expect(() => readArtifact(dir)).toThrow(
      new ArtifactMissingError(
        `${dir}: no ${named} here; run \`npm run routes -- build\` first ` +
          '(or point context "artifactDir" at a built artifact)',
      ),
    );
  });

  it('refuses a manifest that is not a JSON object', () => {
    const dir = copyFixtureArtifact();
    writeFileSync(join(dir, 'manifest.json'), '[1, 2');
    expect(() => readArtifact(dir)).toThrow(
      `${join(dir, 'manifest.json')}: not a JSON object; rebuild with \`npm run routes -- build\``,
    );
  });

  it('reads the table hash and git revision from the manifest', () => {
    expect(readArtifact(FIXTURE_ARTIFACT)).toEqual({
      dir: FIXTURE_ARTIFACT,
      hash: hashDirectory(FIXTURE_ARTIFACT),
      tableHash: 'fixture-table-hash',
      gitRevision: '0123456789abcdef0123456789abcdef01234567',
      dirty: false,
    });
  });

  it('marks the version description of a build from uncommitted changes', () => {
    const dir = copyFixtureArtifact();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, dirty: true }));
    const { template } = synthRouter({ artifactDir: dir });
    const version = resource(template, logicalId(template, 'AWS::Lambda::Version'));
    expect(version.Properties.Description).toBe(
      `table fixture-table-hash rev 0123456789abcdef0123456789abcdef01234567-dirty artifact ${hashDirectory(dir).slice(0, 12)}`,
    );
  });

  it('makes the stack refuse to synth when the artifact was not built', () => {
    const app = new App();
    const settings = testSettings({ artifactDir: join(copyFixtureArtifact(), 'missing') });
    expect(() => new RouterStack(app, 'Router', { settings })).toThrow(
      /missing: no index\.mjs or manifest\.json here; run `npm run routes -- build` first/,
    );
  });
});

describe('hashDirectory', () => {
  it('gives the same hash for the same files in another directory', () => {
    expect(hashDirectory(copyFixtureArtifact())).toBe(hashDirectory(FIXTURE_ARTIFACT));
  });

  it.each([
    [
      'one byte of a binary table changes',
      (dir: string) => flipFirstByte(join(dir, 'tables/sales.keys')),
    ],
    [
      'a file is renamed',
      (dir: string) => renameSync(join(dir, 'tables/sales.json'), join(dir, 'tables/sales2.json')),
    ],
    ['a file is added', (dir: string) => writeFileSync(join(dir, 'tables/extra.json'), '{}')],
    ['a file is emptied', (dir: string) => writeFileSync(join(dir, 'index.mjs'), '')],
  ])('gives a different hash when %s', (_what, change) => {
    const dir = copyFixtureArtifact();
    change(dir);
    expect(hashDirectory(dir)).not.toBe(hashDirectory(FIXTURE_ARTIFACT));
  });
});

describe('the template asset', () => {
  it('is the artifact directory, byte for byte', () => {
    const { template, outdir, stack } = synthRouter();
    const key = functionS3Key(template.toJSON());
    // CDK names a custom-hash asset sha256(<our hash>); the staged copy is what gets zipped.
    expect(key).toBe(`${sha256(hashDirectory(FIXTURE_ARTIFACT))}.zip`);
    expect(stack.artifact.hash).toBe(hashDirectory(FIXTURE_ARTIFACT));
    const staged = stagedAssetDir(outdir, stack.artifactId, key);
    expect(hashDirectory(staged)).toBe(hashDirectory(FIXTURE_ARTIFACT));
    expect(readFileSync(join(staged, 'tables/sales.keys'))).toEqual(
      readFileSync(join(FIXTURE_ARTIFACT, 'tables/sales.keys')),
    );
  });

  it('and the published version change when the artifact changes, and only then', () => {
    const same = copyFixtureArtifact();
    const changed = copyFixtureArtifact();
    flipFirstByte(join(changed, 'tables/sales.keys'));
    const [a, b, c] = [FIXTURE_ARTIFACT, same, changed].map((artifactDir) => {
      const json = synthRouter({ artifactDir }).template.toJSON();
      return { key: functionS3Key(json), version: versionLogicalId(json) };
    });
    expect(b).toEqual(a);
    expect(c?.key).not.toBe(a?.key);
    expect(c?.version).not.toBe(a?.version);
  });
});

describe('the real artifact', () => {
  it('built by routes build from the example routes is deployed byte for byte, described by its manifest', async () => {
    const built = await buildAll({ routesDir: EXAMPLE_ROUTES, outDir: tempDir('router-build-') });
    expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const dir = built.dir!;
    const { template, outdir, stack } = synthRouter({ artifactDir: dir });
    const key = functionS3Key(template.toJSON());
    expect(key).toBe(`${sha256(hashDirectory(dir))}.zip`);
    expect(hashDirectory(stagedAssetDir(outdir, stack.artifactId, key))).toBe(hashDirectory(dir));
    const version = resource(template, logicalId(template, 'AWS::Lambda::Version'));
    expect(version.Properties.Description).toBe(
      `table ${built.manifest?.tableHash} rev ${built.manifest?.gitRevision ?? 'unknown'}` +
        `${built.manifest?.dirty ? '-dirty' : ''} ` +
        `artifact ${hashDirectory(dir).slice(0, 12)}`,
    );
  });
});

type TemplateJson = {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};

function functionS3Key(template: object): string {
  const fns = Object.values((template as TemplateJson).Resources).filter(
    (r) => r.Type === 'AWS::Lambda::Function',
  );
  expect(fns).toHaveLength(1);
  return (fns[0]!.Properties.Code as { S3Key: string }).S3Key;
}

function versionLogicalId(template: object): string | undefined {
  return Object.entries((template as TemplateJson).Resources).find(
    ([, r]) => r.Type === 'AWS::Lambda::Version',
  )?.[0];
}

// The staged directory of the file asset that is uploaded under `objectKey`.
function stagedAssetDir(outdir: string, stackArtifactId: string, objectKey: string): string {
  const manifest = JSON.parse(
    readFileSync(join(outdir, `${stackArtifactId}.assets.json`), 'utf8'),
  ) as {
    files: Record<
      string,
      {
        source: { path: string; packaging: string };
        destinations: Record<string, { objectKey: string }>;
      }
    >;
  };
  const matches = Object.values(manifest.files).filter((f) =>
    Object.values(f.destinations).some((d) => d.objectKey === objectKey),
  );
  expect(matches).toHaveLength(1);
  expect(matches[0]?.source.packaging).toBe('zip');
  return join(outdir, matches[0]?.source.path ?? '');
}

function flipFirstByte(file: string): void {
  const bytes = readFileSync(file);
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
}
