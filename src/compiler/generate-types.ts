import { readFileSync } from 'node:fs';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const header = `/* DO NOT EDIT: generated from schema/routes.schema.json by \`npm run generate\`.
 * test/generated/routes.test.ts fails when this file is stale. */`;

/** Renders the TypeScript types for schema/routes.schema.json (the text of src/generated/routes.ts). */
export async function generateRouteTypes(schemaPath: string): Promise<string> {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as JSONSchema;
  return compile(schema, 'WebhookRoutes', {
    bannerComment: header,
    additionalProperties: false,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    format: false,
    cwd: '.',
  });
}
