import type { AppStore } from '../store/store.ts';
import { lessonOf, openLesson, stepLesson } from '../share/lesson-hooks.ts';
import type { Outgoing } from './protocol.ts';
import { API_VERSION, MAX_OUTPUT_CHARS, parseIncoming } from './protocol.ts';

/**
 * The embed's side of the postMessage API. Messages are taken only from the parent window (and only
 * from `parentOrigin` when the URL names one). Events go to the parent: to `parentOrigin` when given,
 * else to '*' — they say only what the reader sees in the frame anyway (the commands run in the
 * simulator, the step, the page's height), so any parent may hear them.
 */
export function startBridge(
  store: AppStore,
  parentOrigin: string | undefined,
  win: Window = window,
): () => void {
  const parent = win.parent;
  if (parent === win) return () => {};
  const post = (msg: Outgoing): void => parent.postMessage(msg, parentOrigin ?? '*');

  const onMessage = (e: MessageEvent): void => {
    if (e.source !== parent) return;
    if (parentOrigin !== undefined && e.origin !== parentOrigin) return;
    const msg = parseIncoming(e.data);
    if (!msg) return;
    const s = store.getState();
    switch (msg.type) {
      case 'play':
        return s.play();
      case 'pause':
        return s.pause();
      case 'step':
        // In a lesson, a step is the lesson's; otherwise the animation's.
        if (stepLesson(s, msg.data)) return;
        return msg.data === 'back' ? s.stepBack() : s.stepForward();
      case 'loadLesson':
        // The parent page asks for this lesson: it starts as its author wrote it, on a fresh machine
        // if it wants one (the reader cannot be asked from the parent's side), at the step asked for.
        openLesson(s, msg.data.lesson, msg.data.step, { replay: true, machine: 'reset' });
        return;
      case 'run':
        return s.run(msg.data);
    }
  };
  win.addEventListener('message', onMessage);

  // commandRun for each new transcript entry; stepChanged when the step shown (or the lesson's) moves.
  let lastEntry = store.getState().transcript.at(-1)?.id ?? 0;
  let lastStep = '';
  const unsubscribe = store.subscribe((s) => {
    for (const e of s.transcript) {
      if (e.id <= lastEntry) continue;
      lastEntry = e.id;
      const output = e.output.map((c) => c.text).join('');
      post({
        type: 'commandRun',
        data: { command: e.command, exitCode: e.exitCode, output: output.slice(0, MAX_OUTPUT_CHARS) },
      });
    }
    const step = {
      index: s.player.index,
      count: s.player.steps.length,
      playing: s.player.playing,
      lessonStep: lessonOf(s).step ?? null,
    };
    const key = JSON.stringify(step);
    if (key !== lastStep) {
      lastStep = key;
      post({ type: 'stepChanged', data: step });
    }
  });

  // Auto-height: the parent sizes the iframe to the content's height whenever it changes. The content
  // (#root) is measured, not the document, which is never shorter than the frame it is shown in.
  let lastHeight = -1;
  const content = win.document.getElementById('root') ?? win.document.documentElement;
  const sendHeight = (): void => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === lastHeight || height === 0) return;
    lastHeight = height;
    post({ type: 'height', data: { height } });
  };
  const observer = new ResizeObserver(sendHeight);
  observer.observe(content);

  post({ type: 'ready', data: { version: API_VERSION, lesson: lessonOf(store.getState()).lesson ?? null } });
  sendHeight();
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
    observer.disconnect();
  };
}
