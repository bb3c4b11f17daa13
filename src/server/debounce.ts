// The watcher's debouncer. A save is often several file events, and `git checkout` or a
// formatter writes many files at once: one rebuild for the whole burst. But a burst that never
// goes quiet (an autosaving editor, a generator rewriting a list in a loop) must not postpone
// the rebuild forever: test/server/hot-reload.test.ts saves every 20 ms, and before the cap the
// server had not reloaded after 200 such saves (over 4 s).

/** A debounced action. */
export interface Debounced {
  /** Notes a change: the action runs after `quietMs` without one, or `maxWaitMs` after the burst's first. */
  call(): void;
  cancel(): void;
}

/** Debounces `action`: one run per burst of calls, at most `maxWaitMs` after the burst began. */
export function debounce(action: () => void, quietMs: number, maxWaitMs: number): Debounced {
  let timer: NodeJS.Timeout | undefined;
  let burstStart = 0;
  const fire = () => {
    timer = undefined;
    action();
  };
  return {
    call() {
      const now = Date.now();
      if (timer === undefined) burstStart = now;
      else clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, burstStart + maxWaitMs - now)));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
