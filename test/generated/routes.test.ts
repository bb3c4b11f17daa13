// src/generated/routes.ts is generated from schema/routes.schema.json and must never be edited by
// hand: this test regenerates it and fails when the checked-in file differs (docs/style.md, point 4).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRouteTypes } from '../../src/compiler/generate-types.ts';

const GENERATED = 'src/generated/routes.ts';
const STALE = `${GENERATED} is stale: run \`npm run generate\` after changing schema/routes.schema.json`;

describe('src/generated/routes.ts', () => {
  it('starts with the DO-NOT-EDIT header', () => {
    expect(readFileSync(GENERATED, 'utf8').split('\n').slice(0, 2)).toEqual([
      '/* DO NOT EDIT: generated from schema/routes.schema.json by `npm run generate`.',
      ' * test/generated/routes.test.ts fails when this file is stale. */',
    ]);
  });

  it('is exactly what the schema generates', async () => {
    const fresh = await generateRouteTypes('schema/routes.schema.json');
    expect(readFileSync(GENERATED, 'utf8'), STALE).toBe(fresh);
  });

  it('changes when the schema changes, so the check can fail', async () => {
    const schema = JSON.parse(readFileSync('schema/routes.schema.json', 'utf8'));
    schema.properties.description.description = 'Changed for the staleness test.';
    const dir = mkdtempSync(join(tmpdir(), 'generate-'));
    try {
      writeFileSync(join(dir, 'routes.schema.json'), JSON.stringify(schema));
      const changed = await generateRouteTypes(join(dir, 'routes.schema.json'));
      expect(changed).not.toBe(readFileSync(GENERATED, 'utf8'));
      expect(changed).toContain('Changed for the staleness test.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
