import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { pointerSegment, type YamlSource } from '../load/load-yaml.ts';
import { error, type Problem } from '../problem.ts';

const schemaUrl = new URL('../../../schema/routes.schema.json', import.meta.url);
let compiled: ValidateFunction | undefined;

/** Validates a webhook file's data against schema/routes.schema.json; every error is located. */
export function validateRoutes(source: YamlSource): Problem[] {
  compiled ??= compileSchema(JSON.parse(readFileSync(schemaUrl, 'utf8')));
  if (source.data === null || source.data === undefined) {
    return [
      error(source.locate(''), 'the file is empty: a webhook needs at least a `default` route'),
    ];
  }
  return validateWith(compiled, source);
}

/** Validates parsed YAML with a compiled schema, mapping every error to its place. */
export function validateWith(validate: ValidateFunction, source: YamlSource): Problem[] {
  if (validate(source.data)) return [];
  // `propertyNames` repeats, less precisely, the error found on the name itself.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'propertyNames');
  return distinct(pruneAnyOf(errors).map((e) => toProblem(source, e)));
}

/** One problem per place and message: `weight: 0.5` fails `integer` and `minimum`, one message says both. */
function distinct(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Compiles a routes schema with the annotation keywords it uses (exported for route-test files). */
export function compileSchema(schema: object): ValidateFunction {
  // verbose: errors carry their parentSchema, which holds our `errorMessage` annotations.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    code: { process: appendInPlace },
  });
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return ajv.compile(schema);
}

// ajv's generated code gathers the errors of a referenced definition (every rule, every test) with
// `vErrors = vErrors === null ? e : vErrors.concat(e)`, copying all errors found so far each time:
// 40,000 invalid rules took 5.3 s and 200,000 took 150 s (measured). Appending in place keeps the
// same errors in the same order in linear time; test/compiler/validate/validate.test.ts pins it.
const CONCAT = /vErrors = vErrors === null \? ([\w.]+) : vErrors\.concat\(\1\);/g;

/** Rewrites ajv's generated code to append errors in place (exported for its test). */
export function appendInPlace(code: string): string {
  return code.replace(
    CONCAT,
    'if (vErrors === null) vErrors = $1; else for (const e of $1) vErrors.push(e);',
  );
}

/**
 * ajv reports every failed branch of an `anyOf`. Keep the branch that got furthest (anything but a
 * type mismatch); when every branch failed on its type, report the anyOf itself with its message.
 */
function pruneAnyOf(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  errors.forEach((anyOf, index) => {
    if (anyOf.keyword !== 'anyOf') return;
    // ajv emits a failed anyOf right after the errors of its branches, all at or below its path.
    const branches: ErrorObject[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const e = errors[i]!;
      const inside =
        e.instancePath === anyOf.instancePath ||
        e.instancePath.startsWith(`${anyOf.instancePath}/`);
      if (!inside) break;
      if (!drop.has(e)) branches.push(e);
    }
    // A type mismatch below the anyOf (`min: "3"`) is specific; one at its own level is not.
    const deeper = (e: ErrorObject) =>
      (e.keyword !== 'type' && e.keyword !== 'anyOf') || e.instancePath !== anyOf.instancePath;
    if (branches.some(deeper)) drop.add(anyOf);
    for (const e of branches) if (!deeper(e)) drop.add(e);
  });
  return errors.filter((e) => !drop.has(e));
}

function toProblem(source: YamlSource, e: ErrorObject): Problem {
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const custom = typeof parent.errorMessage === 'string' ? parent.errorMessage : undefined;
  const where = label(e.instancePath);
  if (e.propertyName !== undefined) {
    // A bad key (e.g. a list name with a space): point at the key and name it.
    const pointer = `${e.instancePath}/${pointerSegment(e.propertyName)}`;
    return error(
      source.locate(pointer, true),
      `${where}key "${e.propertyName}" ${custom ?? plainMessage(e)}`,
    );
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const pointer = `${e.instancePath}/${pointerSegment(key)}`;
      const allowed = Object.keys((parent.properties as object | undefined) ?? {});
      const hint = parent.patternProperties && custom ? custom : `allowed: ${allowed.join(', ')}`;
      return error(source.locate(pointer, true), `${where}unknown key "${key}" (${hint})`);
    }
    case 'required':
      return error(
        source.locate(e.instancePath),
        `${where}missing required key "${String(e.params.missingProperty)}"`,
      );
    default:
      return error(source.locate(e.instancePath), `${where}${custom ?? plainMessage(e)}`);
  }
}

function plainMessage(e: ErrorObject): string {
  if (e.keyword === 'type') {
    const types = String(e.params.type).split(',');
    return `must be ${types.map((t) => (/^[aeio]/.test(t) ? `an ${t}` : `a ${t}`)).join(' or ')}`;
  }
  if (e.keyword === 'enum') {
    return `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`;
  }
  if (e.keyword === 'minItems' && e.params.limit === 1) return 'must not be empty';
  return e.message ?? e.keyword;
}

/** `/rules/0/when/caller` -> `rules[0].when.caller: ` (empty at the top level). */
function label(pointer: string): string {
  if (pointer === '') return '';
  const parts = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  let out = '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return `${out}: `;
}
