import { lookupCommand } from './commands/registry.ts';
import { dockerChoices } from './completion-docker.ts';
import type { Choice } from './completion-sources.ts';
import { commandChoices, frameView, pathChoices } from './completion-sources.ts';
import type { WordAtCaret } from './completion-word.ts';
import { typeWord, wordAtCaret } from './completion-word.ts';
import type { Session } from './session-api.ts';

export interface Completion {
  readonly line: string;
  readonly cursor: number;
  /** The words that fit when Tab could add nothing, as bash lists them on a second Tab; else empty. */
  readonly candidates: readonly string[];
}

/**
 * Tab at the caret, as bash does it: one word that fits is typed in full (a space after it unless it is
 * a directory), several are typed as far as they agree, and when that adds nothing they are listed.
 * Reads the session and changes nothing.
 */
export function complete(session: Session, line: string, cursor: number): Completion {
  const at = wordAtCaret(line.slice(0, cursor));
  const fits = unique(choicesFor(session, at).filter((c) => c.text.startsWith(at.value)));
  const only = fits[0];
  if (only === undefined) return { line, cursor, candidates: [] };
  if (fits.length === 1) return typeIn(line, cursor, at, only.text, only.done);
  const common = commonPrefix(fits.map((c) => c.text));
  if (common.length > at.value.length) return typeIn(line, cursor, at, common, false);
  return { line, cursor, candidates: [...new Set(fits.map((c) => c.display))].sort() };
}

function choicesFor(session: Session, at: WordAtCaret): Choice[] {
  const frame = session.frames[session.frames.length - 1];
  const view = frame && frameView(session, frame);
  if (!frame || !view) return [];
  if (at.redirect) return pathChoices(view, at.value);
  const [command, ...args] = at.words;
  if (command === undefined)
    return at.value.includes('/') ? pathChoices(view, at.value) : commandChoices(frame);
  if (lookupCommand(command, frame.where)?.name === 'docker')
    return dockerChoices(session, args, at.value, view);
  return pathChoices(view, at.value, command === 'cd');
}

/** Put `text` in place of the word at the caret; a finished word gets its closing quote and a space. */
function typeIn(line: string, cursor: number, at: WordAtCaret, text: string, done: boolean): Completion {
  let head = line.slice(0, at.start) + typeWord(text, at.quote) + (done ? at.quote : '');
  let tail = line.slice(cursor);
  if (done) {
    // A space already there is stepped over rather than doubled.
    if (/^\s/.test(tail)) {
      head += tail[0]!;
      tail = tail.slice(1);
    } else head += ' ';
  }
  return { line: head + tail, cursor: head.length, candidates: [] };
}

function unique(choices: readonly Choice[]): Choice[] {
  const seen = new Map<string, Choice>();
  for (const c of choices) if (!seen.has(c.text)) seen.set(c.text, c);
  return [...seen.values()];
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) {
    let n = 0;
    while (n < prefix.length && n < w.length && prefix[n] === w[n]) n++;
    prefix = prefix.slice(0, n);
  }
  return prefix;
}
