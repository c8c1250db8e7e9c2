import type { ClipboardEvent, KeyboardEvent, RefObject } from 'react';
import { useId, useState } from 'react';
import { AT_DRAFT, stepHistory } from './history-nav.ts';
import type { HistoryCursor } from './history-nav.ts';

interface Props {
  readonly prompt: string;
  /** A suggested first command, shown greyed in the empty line. */
  readonly placeholder: string;
  readonly where: 'host' | 'container';
  readonly history: readonly string[];
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly autoFocus: boolean;
  onRun(line: string): void;
  onClear(): void;
}

/**
 * The prompt and the line being typed: Enter runs it, ↑/↓ walk the history, Ctrl+L clears the screen,
 * a multi-line paste runs line by line.
 */
export function CommandLine({
  prompt,
  placeholder,
  where,
  history,
  inputRef,
  autoFocus,
  onRun,
  onClear,
}: Props) {
  const [value, setValue] = useState('');
  const [cursor, setCursor] = useState<HistoryCursor>(AT_DRAFT);
  const promptId = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // An IME (Korean, Japanese …) uses Enter and the arrows to compose: leave them to it.
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
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
        aria-label="Command"
        aria-describedby={promptId}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        placeholder={placeholder}
        // The page is the terminal: start typing at once (but not inside someone else's page).
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
    </div>
  );
}
