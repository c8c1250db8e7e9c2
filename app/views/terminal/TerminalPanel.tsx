import { useLayoutEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import type { World } from '../../engine/docker/world.ts';
import type { ShellFrame } from '../../shell/session-api.ts';
import {
  selectCancelLine,
  selectClearTranscript,
  selectCurrentFrame,
  selectHistory,
  selectPrompt,
  selectRun,
  selectSession,
  selectSuggestion,
  selectTranscript,
  selectWorld,
} from '../../store/selectors.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { clearsScreen } from './clear-line.ts';
import { useEchoQueue } from './echo-queue.ts';
import { CommandLine } from './CommandLine.tsx';
import { TranscriptItem } from './TranscriptItem.tsx';
import { useT } from '../../i18n/use-t.ts';
import { terminalMessages } from './messages.ts';
import type { Translate } from '../../i18n/i18n.ts';
import type { TerminalKey } from './messages.ts';

// In an embed (a blog's iframe) taking the focus would scroll the reader's page: wait for a click.
const embedded = typeof window !== 'undefined' && window.self !== window.top;

export function TerminalPanel() {
  const transcript = useAppStore(selectTranscript);
  const history = useAppStore(selectHistory);
  const prompt = useAppStore(selectPrompt);
  const frame = useAppStore(selectCurrentFrame);
  const world = useAppStore(selectWorld);
  const run = useAppStore(selectRun);
  const clear = useAppStore(selectClearTranscript);
  const cancelLine = useAppStore(selectCancelLine);
  const session = useAppStore(selectSession);
  const suggestion = useAppStore(selectSuggestion);
  const screenRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const t = useT(terminalMessages);

  // The line shows at once; it runs once that frame is painted (echo-queue.ts). `clear` runs like any
  // command (it goes into the history) and then empties the screen as Ctrl+L does.
  const { pending, submit } = useEchoQueue();
  const runLine = (line: string) =>
    submit({
      line,
      apply: () => {
        run(line);
        if (clearsScreen(line)) clear();
      },
    });
  // Ctrl+C goes through the same queue, so it lands after lines typed before it.
  const cancel = (line: string) => submit({ line: `${line}^C`, apply: () => cancelLine(line) });

  // Like a terminal, follow the newest line.
  useLayoutEffect(() => {
    const screen = screenRef.current;
    if (screen) screen.scrollTop = screen.scrollHeight;
  }, [transcript, prompt, pending]);

  // A click anywhere on the screen types into the prompt, unless it was to select text to copy.
  const focusInput = (e: MouseEvent) => {
    if (e.target instanceof HTMLElement && e.target.closest('input')) return;
    if (window.getSelection()?.isCollapsed ?? true) inputRef.current?.focus({ preventScroll: true });
  };

  return (
    <section className="terminal" aria-labelledby="terminal-title">
      <div className="terminal__bar">
        <h2 id="terminal-title" className="terminal__title">
          {t('title')}
        </h2>
        <span className="terminal__where" data-testid="shell-where">
          {whereText(frame, world, t)}
        </span>
      </div>
      <div className="terminal__screen" ref={screenRef} onClick={focusInput}>
        <div className="transcript" role="log" aria-label={t('transcript')}>
          {transcript.length === 0 && (
            <p className="terminal__hint">
              {t('hintStart')}
              <code>{suggestion ?? 'docker run -d --name web demo'}</code>
              {t('hintThen')}
              <code>{suggestion ? 'docker exec -it nginx /bin/bash' : 'docker exec -it web sh'}</code>
              {t('hintEnd')}
            </p>
          )}
          {transcript.map((entry) => (
            <TranscriptItem key={entry.id} entry={entry} />
          ))}
          {pending.map((line, i) => (
            <div key={i} className="entry entry--pending" data-testid="transcript-pending">
              <div className="entry__line">
                <span className={frame?.where === 'container' ? 'prompt prompt--container' : 'prompt'}>
                  {prompt}
                </span>
                <span className="entry__command">{line}</span>
              </div>
            </div>
          ))}
        </div>
        <CommandLine
          prompt={prompt}
          placeholder={transcript.length === 0 ? (suggestion ?? '') : ''}
          where={frame?.where ?? 'host'}
          history={history}
          session={session}
          inputRef={inputRef}
          autoFocus={!embedded}
          onRun={runLine}
          onClear={clear}
          onCancel={cancel}
        />
      </div>
    </section>
  );
}

function whereText(frame: ShellFrame | undefined, world: World, t: Translate<TerminalKey>): string {
  if (frame?.where !== 'container' || frame.containerId === undefined) return t('whereHost');
  const name = world.containers.get(frame.containerId)?.name ?? frame.containerId.slice(0, 12);
  return t('whereContainer', { name, shell: frame.shellName });
}
