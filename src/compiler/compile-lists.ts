import { keyOf, normalizeValue } from '../router/normalize.ts';
import type { ListData } from '../router/types.ts';
import type { TextAt } from './hours.ts';
import { writeKeys } from './keys-writer.ts';
import { parseListFile } from './list-file.ts';
import type { ListModel } from './model.ts';
import { isValidInternational } from './phone.ts';
import { error, type Problem } from './problem.ts';
import { readSourceFile, type SourceFiles } from './source-files.ts';

/** Lists at least this long, all numeric, ship as a binary key file instead of inline JSON. */
export const KEY_FILE_THRESHOLD = 1000;

/** A list resolved to its normalised values. */
export interface ResolvedList {
  name: string;
  values: string[];
  data: ListData;
}

/**
 * Resolves every list (reading `.txt` files through `files`), checks phone-like entries and picks
 * the storage: binary keys for large numeric lists (DESIGN.md "The table"), sorted strings otherwise.
 */
export function compileLists(
  webhook: string,
  lists: ListModel[],
  files: SourceFiles,
  out: Map<string, Uint8Array>,
  phoneLists: ReadonlySet<string>,
): { lists: ResolvedList[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const resolved = lists.map((list): ResolvedList => {
    const entries = listEntries(list, files, problems);
    if (phoneLists.has(list.name)) for (const e of entries) checkListValue(list.name, e, problems);
    const values = [...new Set(entries.map((e) => normalizeValue(e.text)))].sort();
    const numeric = values.length >= KEY_FILE_THRESHOLD && values.every((v) => keyOf(v) >= 0);
    if (!numeric)
      return { name: list.name, values, data: { name: list.name, kind: 'strings', values } };
    const file = `${webhook}.list.${list.name}.keys`;
    out.set(file, writeKeys(values.map(keyOf)));
    return {
      name: list.name,
      values,
      data: { name: list.name, kind: 'keys', file, count: values.length },
    };
  });
  return { lists: resolved, problems };
}

function listEntries(list: ListModel, files: SourceFiles, problems: Problem[]): TextAt[] {
  if (list.kind === 'inline') return list.values;
  const read = readSourceFile(files, list.path, `list "${list.name}"`);
  if ('problem' in read) {
    problems.push(read.problem);
    return [];
  }
  const parsed = parseListFile(read.text, read.file);
  problems.push(...parsed.problems);
  return parsed.entries.map((e) => ({
    text: e.value,
    loc: { file: read.file, line: e.line, col: e.col },
  }));
}

/** Ringostat's phone-number parameters (default names): lists tested on them hold numbers. */
export const PHONE_PARAMS: ReadonlySet<string> = new Set([
  'caller',
  'callee',
  'fullnum',
  'E164',
  'outbound_number',
]);

// In a list tested on a phone parameter, values of 8+ digits must be real international numbers:
// a local-format number would silently never match. Shorter digit strings are extensions or IDs,
// and lists on other parameters (campaign IDs, ...) are not phone numbers at all.
function checkListValue(name: string, entry: TextAt, problems: Problem[]): void {
  const value = normalizeValue(entry.text);
  if (!/^\d{8,}$/.test(value)) return;
  if (!isValidInternational(value)) {
    problems.push(
      error(
        entry.loc,
        `list "${name}": "${entry.text}" is not a valid international phone number (write it with the country code, like 380441111111)`,
      ),
    );
  }
}
