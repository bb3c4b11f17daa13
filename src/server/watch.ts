// File watching for hot reload. One non-recursive fs.watch per directory rather than
// `recursive: true`: on Linux, Node 20's recursive mode is emulated in JavaScript and misses
// files in directories created after it started. Watching directories, never files, also keeps
// working when an editor saves by writing a temporary file and renaming it over the original.
import { type Dirent, type FSWatcher, readdirSync, watch } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { debounce } from './debounce.ts';

/** A running watcher. */
export interface TreeWatcher {
  close(): void;
}

/** Options of `watchTree`. */
export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs (a save is often several events). */
  debounceMs?: number;
  /** Longest a burst of changes may postpone `onChange`, however steadily they keep coming. */
  maxWaitMs?: number;
  /** Directories (absolute or relative to the cwd) whose changes are ignored, such as an outDir inside. */
  ignoreDirs?: string[];
}

/** Calls `onChange` once per burst of changes anywhere under `dir`, new subdirectories included. */
export function watchTree(
  dir: string,
  onChange: () => void,
  options: WatchOptions = {},
): TreeWatcher {
  const ignored = (options.ignoreDirs ?? []).map((d) => resolve(d));
  const watchers = new Map<string, FSWatcher>();
  const rebuild = debounce(onChange, options.debounceMs ?? 100, options.maxWaitMs ?? 1000);
  let closed = false;

  const changed = (name: string | null) => {
    if (closed || (name !== null && isEditorScratch(name))) return;
    sync();
    rebuild.call();
  };
  const sync = () => {
    const live = new Set(directories(resolve(dir), ignored));
    for (const [path, w] of watchers) {
      if (!live.has(path)) {
        w.close();
        watchers.delete(path);
      }
    }
    for (const path of live) {
      if (watchers.has(path)) continue;
      try {
        const w = watch(path, (_event, name) => changed(name === null ? null : String(name)));
        // A watched directory that disappears reports an error; the next sync drops it.
        w.on('error', () => changed(null));
        watchers.set(path, w);
      } catch {
        // Deleted between listing and watching: nothing left to watch there.
      }
    }
  };

  sync();
  return {
    close() {
      closed = true;
      rebuild.cancel();
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** `dir` and every directory below it, except ignored and hidden ones (`.git`). */
function directories(dir: string, ignored: string[]): string[] {
  if (ignored.some((d) => dir === d || dir.startsWith(d + sep))) return [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out = [dir];
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith('.'))
      out.push(...directories(join(dir, e.name), ignored));
  }
  return out;
}

// Editors' swap, backup and probe files (vim's `.x.swp` and `4913`, emacs' `#x#`, `x~`) change
// on every keystroke or save; rebuilding for them would only repeat the real save's build.
function isEditorScratch(name: string): boolean {
  const base = name.slice(name.lastIndexOf(sep) + 1);
  return base.startsWith('.') || base.startsWith('#') || base.endsWith('~') || /^\d+$/.test(base);
}
