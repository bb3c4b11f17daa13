// Shared helpers for the infra tests: the fixture artifact and one-call synthesis into a temp dir
// (never ./cdk.out, so a stale validation report from a CLI run cannot interfere).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { RouterStack } from '../../infra/router-stack.ts';
import { DEFAULT_SETTINGS, type RouterSettings } from '../../infra/settings.ts';

/** A small artifact shaped like build/lambda/: index.mjs, manifest.json, tables/ (json + binary). */
export const FIXTURE_ARTIFACT = fileURLToPath(
  new URL('../fixtures/infra/artifact', import.meta.url),
);

/** The context of cdk.json (settings defaults and feature flags), as `cdk synth` passes it. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> })
    .context;
}

/** A synthesized router stack, its template and the cloud assembly directory. */
export interface SynthResult {
  stack: RouterStack;
  template: Template;
  outdir: string;
}

const tempDirs: string[] = [];

/** A fresh temp directory, removed by cleanTempDirs(). */
export function tempDir(prefix = 'router-infra-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Removes every temp directory made by this module (call from afterAll). */
export function cleanTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A writable copy of the fixture artifact. */
export function copyFixtureArtifact(): string {
  const dir = join(tempDir('router-artifact-'), 'lambda');
  cpSync(FIXTURE_ARTIFACT, dir, { recursive: true });
  return dir;
}

/** The default settings with the fixture artifact, plus overrides. */
export function testSettings(overrides: Partial<RouterSettings> = {}): RouterSettings {
  return { ...DEFAULT_SETTINGS, artifactDir: FIXTURE_ARTIFACT, ...overrides };
}

/** Synthesizes one router stack into a temp dir. Set CDK_VALIDATION=false first to keep it fast. */
export function synthRouter(overrides: Partial<RouterSettings> = {}): SynthResult {
  const outdir = tempDir('router-cdk-out-');
  const app = new App({ outdir, context: cdkJsonContext() });
  const stack = new RouterStack(app, 'Router', { settings: testSettings(overrides) });
  const assembly = app.synth();
  return { stack, template: Template.fromJSON(assembly.getStackByName('Router').template), outdir };
}

/** A resource of a synthesized template, as CloudFormation sees it. */
export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
}

/** `{ Ref: id }`, as the template writes a reference. */
export function ref(id: string): { Ref: string } {
  return { Ref: id };
}

/** The logical id of the one resource of `type`; fails the test unless there is exactly one. */
export function logicalId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids, type).toHaveLength(1);
  return ids[0]!;
}

/** The resource with logical id `id`. */
export function resource(template: Template, id: string): CfnResource {
  const found = (template.toJSON().Resources as Record<string, CfnResource>)[id];
  if (!found) throw new Error(`no resource ${id}`);
  return found;
}
