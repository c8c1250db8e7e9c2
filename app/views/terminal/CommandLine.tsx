import type { ClipboardEvent, KeyboardEvent, RefObject } from 'react';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Session } from '../../shell/session-api.ts';
import { Completions } from './Completions.tsx';
import type { Complete } from './completion-loader.ts';
import { completionIfLoaded, loadCompletion } from './completion-loader.ts';
import { AT_DRAFT, stepHistory } from './history-nav.ts';
import type { HistoryCursor } from './history-nav.ts';
import { useT } from '../../i18n/use-t.ts';
import { terminalMessages } from './messages.ts';

interface Props {
  readonly prompt: string;
  /** A suggested first command, shown greyed in the empty line. */
  readonly placeholder: string;
  readonly where: 'host' | 'container';
  readonly history: readonly string[];
  /** The machine the line will run on: Tab completes from its names and files. */
  readonly session: Session;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly autoFocus: boolean;
  onRun(line: string): void;
  onClear(): void;
  /** Ctrl+C: the line is dropped, shown with ^C. */
  onCancel(line: string): void;
}

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;

/**
 * The prompt and the line being typed: Enter runs it, ↑/↓ walk the history, Tab completes, Ctrl+C
 * drops the line, Ctrl+L clears the screen, a multi-line paste runs line by line.
 */
export function CommandLine({
  prompt,
  placeholder,
  where,
  history,
  session,
  inputRef,
  autoFocus,
  onRun,
  onClear,
  onCancel,
}: Props) {
  const [value, setValue] = useState('');
  const [cursor, setCursor] = useState<HistoryCursor>(AT_DRAFT);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  // Where the caret goes once a completed line is in the input.
  const caretAfter = useRef<number | null>(null);
  // Escape arms the next Tab to leave the terminal instead of completing.
  const leaving = useRef(false);
  const promptId = useId();
  const hintId = useId();
  const t = useT(terminalMessages);

  useEffect(() => void loadCompletion(), []);

  useLayoutEffect(() => {
    const el = inputRef.current;
    if (el && caretAfter.current !== null) el.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  }, [value, inputRef]);

  const completeWith = (complete: Complete, line: string, caret: number) => {
    // The Tab was pressed on this line: if more was typed meanwhile, that wins.
    if (inputRef.current && inputRef.current.value !== line) return;
    const r = complete(session, line, caret);
    if (r.line !== line) {
      caretAfter.current = r.cursor;
      setValue(r.line);
    }
    setCandidates(r.candidates);
  };

  const onTab = (e: KeyboardEvent<HTMLInputElement>) => {
    e.preventDefault();
    const caret = e.currentTarget.selectionStart ?? value.length;
    const complete = completionIfLoaded();
    if (complete) completeWith(complete, value, caret);
    else void loadCompletion().then((c) => completeWith(c, value, caret));
  };

  // Ctrl+C copies when something is selected, in the line or in the transcript; otherwise it is bash's.
  const onInterrupt = (e: KeyboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    if (el.selectionStart !== el.selectionEnd) return;
    const page = window.getSelection();
    if (page && !page.isCollapsed && page.toString() !== '') return;
    e.preventDefault();
    onCancel(value);
    setValue('');
    setCursor(AT_DRAFT);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // An IME (Korean, Japanese …) uses Enter and the arrows to compose: leave them to it.
    if (e.nativeEvent.isComposing) return;
    // The list of candidates stays until the next key, as a terminal's would scroll away.
    if (candidates.length > 0) setCandidates([]);
    const leave = leaving.current;
    leaving.current = e.key === 'Escape';
    if (e.key === 'Tab') {
      // Shift+Tab, or Tab after Escape, moves the focus on: the keyboard is never trapped here.
      if (plain(e) && !leave) onTab(e);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onRun(value);
      setValue('');
      setCursor(AT_DRAFT);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const step = stepHistory(history, cursor, value, e.key === 'ArrowUp' ? -1 : 1);
      if (step) {
        setCursor(step.cursor);
        setValue(step.value);
      }
    } else if (e.key === 'c' && e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
      onInterrupt(e);
    } else if (e.key === 'l' && e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      onClear();
    }
  };

  // A text input drops line breaks; a terminal runs each pasted line. Run the complete lines, keep the rest.
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\r\n]/.test(text)) return;
    e.preventDefault();
    const el = e.currentTarget;
    const start = el.selectionStart ?? value.length;
    const end = el.selectionEnd ?? value.length;
    const lines = (value.slice(0, start) + text + value.slice(end)).split(/\r\n|\r|\n/);
    const rest = lines.pop() ?? '';
    for (const line of lines) onRun(line);
    setValue(rest);
    setCursor(AT_DRAFT);
  };

  return (
    <>
      <div className="command-line">
        <span
          className={where === 'container' ? 'prompt prompt--container' : 'prompt'}
          id={promptId}
          data-testid="prompt"
        >
          {prompt}
        </span>
        <input
          ref={inputRef}
          className="command-line__input"
          type="text"
          aria-label={t('command')}
          aria-describedby={`${promptId} ${hintId}`}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          placeholder={placeholder}
          // The page is the terminal: start typing at once (but not inside someone else's page).
          autoFocus={autoFocus}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setCandidates([]);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            leaving.current = false;
          }}
          onPaste={onPaste}
        />
        <span id={hintId} className="command-line__hint">
          {t('keys')}
        </span>
      </div>
      <Completions candidates={candidates} />
    </>
  );
}
