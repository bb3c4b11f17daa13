// Lower pass: every named list to its sorted, distinct, normalised values, reading `.txt` files.
// Lists tested on phone parameters get their numbers checked; large numeric lists are marked to
// ship as binary keys (the emit pass writes them).
import { keyOf, normalizeValue } from '../../router/normalize.ts';
import { parseListFile } from '../load/list-file.ts';
import { readSourceFile, type SourceFiles } from '../load/source-files.ts';
import type { ListIR, TextAt } from '../model/ir.ts';
import { addAll, error, type Problem } from '../problem.ts';
import { isValidInternational } from './phone.ts';
import { PHONE_PARAMS } from './phone-params.ts';

/** Lists at least this long, all numeric, ship as a binary key file instead of inline JSON. */
export const KEY_FILE_THRESHOLD = 1000;

/** Lowers every list in place; problems are located in the YAML or the list file. */
export function lowerLists(lists: ListIR[], files: SourceFiles, problems: Problem[]): void {
  for (const list of lists) {
    const entries = listEntries(list, files, problems);
    if ([...list.params].some((p) => PHONE_PARAMS.has(p)))
      for (const e of entries) checkListValue(list.name, e, problems);
    const values = [...new Set(entries.map((e) => normalizeValue(e.text)))].sort();
    const numeric = values.length >= KEY_FILE_THRESHOLD && values.every((v) => keyOf(v) >= 0);
    list.values = values;
    list.storage = numeric ? 'keys' : 'strings';
  }
}

function listEntries(list: ListIR, files: SourceFiles, problems: Problem[]): TextAt[] {
  if (list.source.kind === 'inline') return list.source.values;
  const read = readSourceFile(files, list.source.path, `list "${list.name}"`);
  if ('problem' in read) {
    problems.push(read.problem);
    return [];
  }
  const parsed = parseListFile(read.text, read.file);
  addAll(problems, parsed.problems);
  return parsed.entries.map((e) => ({
    text: e.value,
    loc: { file: read.file, line: e.line, col: e.col },
  }));
}

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
