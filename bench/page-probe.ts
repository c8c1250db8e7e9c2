// What the bench puts in the page before its own scripts run (Playwright's addInitScript): timings
// taken where they happen, read back at the end. It runs in the browser: no imports, nothing from
// Node, and it never touches the app's state.

/**
 * One typed line: Enter pressed; the frame showing the line painted (the terminal echoes it at once);
 * its transcript entry with the output in the DOM, and the frame showing that painted.
 */
export interface EnterTiming {
  readonly line: string;
  readonly domMs: number;
  readonly frameMs: number;
  readonly outputMs: number;
}

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/** A stretch of time measured: every frame's length and the long tasks that fell in it. */
export interface Measured {
  readonly frames: readonly number[];
  readonly longTasks: readonly LongTask[];
  readonly ms: number;
}

export interface Probe {
  readonly enters: EnterTiming[];
  /** Start a window now; it closes once the stack's playback has started and stopped again. */
  measureAnimation(timeoutMs: number): Promise<Measured>;
}

declare global {
  interface Window {
    __benchProbe?: Probe;
  }
}

/** Installed by addInitScript: serialised, so it must be self-contained (not even a module constant). */
export function installProbe(): void {
  const ENTRY = '[data-testid="transcript-entry"]';
  const ECHO = '[data-testid="transcript-entry"], [data-testid="transcript-pending"]';
  const longTasks: LongTask[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  // After this rAF's frame has been painted: a message posted from the rAF callback is handled after
  // the rendering work (style, layout, paint) of that frame.
  const afterPaint = (then: (t: number) => void): void => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => then(performance.now());
      ch.port2.postMessage(null);
    });
  };

  const enters: EnterTiming[] = [];
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
      const line = e.target.value;
      const t0 = e.timeStamp;
      const before = document.querySelectorAll(ENTRY).length;
      const echoedBefore = document.querySelectorAll(ECHO).length;
      let domAt = -1;
      let frameAt = -1;
      const echoed = (): boolean => document.querySelectorAll(ECHO).length > echoedBefore;
      const seen = (): boolean => document.querySelectorAll(ENTRY).length > before;
      const obs = new MutationObserver(() => {
        if (domAt < 0 && seen()) domAt = performance.now();
      });
      obs.observe(document.body, { childList: true, subtree: true });
      const started = performance.now();
      const poll = (): void =>
        afterPaint((t) => {
          if (frameAt < 0 && echoed()) frameAt = t;
          if (seen()) {
            obs.disconnect();
            const shown = frameAt < 0 ? t : frameAt;
            enters.push({ line, domMs: (domAt < 0 ? t : domAt) - t0, frameMs: shown - t0, outputMs: t - t0 });
          } else if (t - started < 10_000) poll();
          else obs.disconnect();
        });
      poll();
    },
    // Capture, on the document: before the page's own handler runs the line.
    true,
  );

  const playing = (): boolean =>
    [...document.querySelectorAll('[role="toolbar"][aria-label="Playback"] button')].some(
      (b) => b.textContent?.trim() === 'Pause',
    );

  /** Frames and long tasks from now until `done` says so (checked every frame) or the timeout. */
  const measure = (done: (elapsed: number) => boolean, timeoutMs: number): Promise<Measured> =>
    new Promise((resolve) => {
      const frames: number[] = [];
      const t0 = performance.now();
      let last = t0;
      const frame = (): void => {
        const t = performance.now();
        frames.push(t - last);
        last = t;
        if (done(t - t0) || t - t0 > timeoutMs) {
          // Long tasks are reported after they end: wait a moment so the last one is in.
          setTimeout(() => {
            const inWindow = longTasks.filter((l) => l.start + l.duration >= t0 && l.start <= t);
            // The first delta runs from the call to the first frame, not from one frame to the next.
            resolve({ frames: frames.slice(1), longTasks: inWindow, ms: t - t0 });
          }, 100);
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });

  const measureAnimation = (timeoutMs: number): Promise<Measured> => {
    let started = false;
    return measure((elapsed) => {
      started ||= playing();
      // A line with no steps never plays: its window closes after a second.
      return started ? !playing() : elapsed > 1000;
    }, timeoutMs);
  };

  window.__benchProbe = { enters, measureAnimation };
}
