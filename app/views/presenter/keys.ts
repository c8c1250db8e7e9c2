import type { Speed } from '../../timeline/durations.ts';

/**
 * Presenter mode's keys, as pure functions: a key (and where the focus is) in, an action out. A
 * presentation clicker sends PageDown and PageUp, and B or . for its blank-screen button.
 */
export type PresenterAction = 'forward' | 'back' | 'blank' | 'unblank' | 'faster' | 'slower' | 'exit';

/** The parts of a keydown that decide its action. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** An IME (Korean, Japanese …) is composing: the key is its. */
  readonly isComposing: boolean;
}

/**
 * Where the focus is, as far as keys go: on the page (or a button); in a widget whose arrows are its
 * own (a select, tabs, a menu, a slider); in an empty one-line text field (the command line before
 * anything is typed, where PageDown and PageUp mean nothing); or in a text field in use.
 */
export type FocusKind = 'page' | 'widget' | 'empty-line' | 'text';

/** What the focused element is, read off the DOM by the hook (focusTarget in use-presenter-keys.ts). */
export interface FocusTarget {
  /** Lower case: 'input', 'textarea', 'select', 'button', 'body' … */
  readonly tag: string;
  /** An input's type ('text', 'search', 'checkbox' …). */
  readonly type: string;
  readonly role: string | null;
  readonly contentEditable: boolean;
  /** A text field holds no text. */
  readonly empty: boolean;
}

const TEXT_INPUTS = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number', '']);
// Roles whose arrow keys move within them (ARIA authoring practices).
const ARROW_ROLES = new Set([
  'tab',
  'tablist',
  'radio',
  'radiogroup',
  'slider',
  'spinbutton',
  'menu',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'listbox',
  'option',
  'tree',
  'treeitem',
  'grid',
  'gridcell',
  'combobox',
]);

export function focusKind(t: FocusTarget | null): FocusKind {
  if (t === null) return 'page';
  if (t.contentEditable || t.tag === 'textarea' || t.role === 'textbox') return 'text';
  if (t.tag === 'input' && TEXT_INPUTS.has(t.type)) return t.empty ? 'empty-line' : 'text';
  if (t.tag === 'select' || t.tag === 'input' || (t.role !== null && ARROW_ROLES.has(t.role)))
    return 'widget';
  return 'page';
}

const FORWARD = new Set(['PageDown', 'ArrowRight', 'ArrowDown']);
const BACK = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);
const PAGE_KEYS = new Set(['PageDown', 'PageUp']);
// Keys that are only a part of another key (held for a shortcut) never un-blank the screen.
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn']);

/**
 * The action of a key in presenter mode, or null to leave the key alone (the page, the terminal or
 * the browser has it). When the screen is blank, any key shows it again and does nothing else.
 */
export function presenterAction(press: KeyPress, focus: FocusKind, blanked: boolean): PresenterAction | null {
  if (press.isComposing || MODIFIERS.has(press.key)) return null;
  if (blanked) return 'unblank';
  // Browser and system shortcuts (Ctrl+R, Alt+←, ⌘+) stay theirs.
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  const key = press.key;
  // In a text field every key is typing, but a clicker's page keys still step while the line is empty.
  if (focus === 'text') return null;
  if (focus === 'empty-line' && !PAGE_KEYS.has(key)) return null;
  // A widget's arrows move within it, and its Escape closes it (a menu, a list).
  if (
    focus === 'widget' &&
    (key === 'Escape' || (!PAGE_KEYS.has(key) && (FORWARD.has(key) || BACK.has(key))))
  )
    return null;
  if (FORWARD.has(key)) return 'forward';
  if (BACK.has(key)) return 'back';
  switch (key) {
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

/** Speeds from slowest to fastest; instant (0) is the fastest of all. */
const BY_PACE: readonly Speed[] = [0.5, 1, 2, 0];

/** The next speed up (+1) or down (-1), staying at the ends. */
export function nextSpeed(speed: Speed, dir: 1 | -1): Speed {
  const i = BY_PACE.indexOf(speed);
  return BY_PACE[Math.min(BY_PACE.length - 1, Math.max(0, i + dir))] ?? speed;
}
