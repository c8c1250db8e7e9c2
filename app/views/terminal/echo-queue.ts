import { useCallback, useEffect, useRef, useState } from 'react';

/** What Enter (or Ctrl+C) asked for: the line to echo at once, and the work to do once it shows. */
export interface Queued {
  readonly line: string;
  readonly apply: () => void;
}

/**
 * A terminal echoes the typed line the moment Enter is pressed and prints the output when the
 * command has run. So does the page: a submitted line shows at once (`pending`), and the command
 * runs just after that frame is painted — a heavy command (`docker run` of a large image) no longer
 * holds back the frame that answers the key. Lines run in the order submitted.
 */
export function useEchoQueue(): { readonly pending: readonly string[]; submit(q: Queued): void } {
  const queue = useRef<Queued[]>([]);
  const [pending, setPending] = useState<readonly string[]>([]);
  const scheduled = useRef(false);

  const flush = useCallback(() => {
    scheduled.current = false;
    const work = queue.current;
    queue.current = [];
    setPending([]);
    for (const q of work) q.apply();
  }, []);

  const submit = useCallback(
    (q: Queued) => {
      queue.current.push(q);
      setPending(queue.current.map((x) => x.line));
      if (scheduled.current) return;
      scheduled.current = true;
      // After the next paint: a task posted from a frame callback runs once that frame is drawn. The
      // timeout is the fallback where frames do not come (a hidden tab).
      let done = false;
      const go = () => {
        if (done) return;
        done = true;
        flush();
      };
      requestAnimationFrame(() => setTimeout(go, 0));
      setTimeout(go, 100);
    },
    [flush],
  );

  // Leaving the page with lines queued: run them, so nothing typed is lost.
  useEffect(() => () => flush(), [flush]);

  return { pending, submit };
}
