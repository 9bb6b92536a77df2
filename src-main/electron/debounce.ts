/** Runs `fn` once `ms` after the last `schedule()`; `flush()` runs a pending call now. */
export interface Debounced {
  schedule(): void;
  flush(): void;
  cancel(): void;
}

export function debounce(fn: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    schedule() {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, ms);
    },
    flush() {
      if (!timer) return;
      cancel();
      fn();
    },
    cancel,
  };
}
