import { describe, expect, it } from 'vitest';
import type { FocusKind, FocusTarget, KeyPress } from './keys.ts';
import { focusKind, nextSpeed, presenterAction } from './keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  isComposing: false,
  ...mods,
});

const on = (focus: FocusKind, key: string, mods: Partial<KeyPress> = {}) =>
  presenterAction(press(key, mods), focus, false);

describe('presenter keys on the page', () => {
  it('steps forward with PageDown, → and ↓ (a clicker’s next button)', () => {
    for (const key of ['PageDown', 'ArrowRight', 'ArrowDown']) expect(on('page', key)).toBe('forward');
  });

  it('steps back with PageUp, ← and ↑', () => {
    for (const key of ['PageUp', 'ArrowLeft', 'ArrowUp']) expect(on('page', key)).toBe('back');
  });

  it('blanks the screen with B, b or . (a clicker’s blank button)', () => {
    for (const key of ['b', 'B', '.']) expect(on('page', key)).toBe('blank');
  });

  it('changes the speed with + and − (= and _ too, the same keys unshifted or shifted)', () => {
    for (const key of ['+', '=']) expect(on('page', key)).toBe('faster');
    for (const key of ['-', '_']) expect(on('page', key)).toBe('slower');
  });

  it('leaves presenter mode with Escape', () => {
    expect(on('page', 'Escape')).toBe('exit');
  });

  it('leaves other keys and browser shortcuts alone', () => {
    expect(on('page', 'x')).toBeNull();
    expect(on('page', 'Enter')).toBeNull();
    expect(on('page', 'ArrowLeft', { altKey: true })).toBeNull();
    expect(on('page', '+', { ctrlKey: true })).toBeNull();
    expect(on('page', 'b', { metaKey: true })).toBeNull();
  });

  it('leaves keys to an IME that is composing', () => {
    expect(on('page', 'PageDown', { isComposing: true })).toBeNull();
  });
});

describe('presenter keys while the screen is blank', () => {
  it('shows the screen again on any key, Escape included, and does nothing else', () => {
    for (const key of ['x', 'PageDown', 'b', 'Escape', 'Enter'])
      expect(presenterAction(press(key), 'page', true)).toBe('unblank');
    expect(presenterAction(press('a'), 'text', true)).toBe('unblank');
  });

  it('does not show it again for a modifier pressed alone', () => {
    expect(presenterAction(press('Shift'), 'page', true)).toBeNull();
    expect(presenterAction(press('Control', { ctrlKey: true }), 'page', true)).toBeNull();
  });
});

describe('presenter keys in a text field', () => {
  it('leaves every key to a field with text in it', () => {
    for (const key of ['PageDown', 'PageUp', 'ArrowUp', 'b', '.', '+', 'Escape'])
      expect(on('text', key)).toBeNull();
  });

  it('still steps on PageDown and PageUp in the empty command line, as a clicker is used there', () => {
    expect(on('empty-line', 'PageDown')).toBe('forward');
    expect(on('empty-line', 'PageUp')).toBe('back');
  });

  it('keeps the arrows, letters and Escape of the empty command line for the terminal', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'b', '.', '-', 'Escape'])
      expect(on('empty-line', key)).toBeNull();
  });
});

describe('presenter keys in a widget with arrows of its own', () => {
  it('keeps its arrows and Escape, and steps on the page keys', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Escape'])
      expect(on('widget', key)).toBeNull();
    expect(on('widget', 'PageDown')).toBe('forward');
    expect(on('widget', 'b')).toBe('blank');
  });
});

const target = (t: Partial<FocusTarget>): FocusTarget => ({
  tag: 'div',
  type: '',
  role: null,
  contentEditable: false,
  empty: false,
  ...t,
});

describe('where the focus is', () => {
  it('is the page when nothing or a button has it', () => {
    expect(focusKind(null)).toBe('page');
    expect(focusKind(target({ tag: 'body' }))).toBe('page');
    expect(focusKind(target({ tag: 'button' }))).toBe('page');
  });

  it('tells an empty one-line field from one with text in it', () => {
    expect(focusKind(target({ tag: 'input', type: 'text', empty: true }))).toBe('empty-line');
    expect(focusKind(target({ tag: 'input', type: 'search', empty: false }))).toBe('text');
  });

  it('counts a textarea and editable content as text, even when empty', () => {
    expect(focusKind(target({ tag: 'textarea', empty: true }))).toBe('text');
    expect(focusKind(target({ contentEditable: true, empty: true }))).toBe('text');
  });

  it('counts selects, checkboxes, tabs and menus as widgets', () => {
    expect(focusKind(target({ tag: 'select' }))).toBe('widget');
    expect(focusKind(target({ tag: 'input', type: 'checkbox' }))).toBe('widget');
    expect(focusKind(target({ tag: 'button', role: 'tab' }))).toBe('widget');
    expect(focusKind(target({ tag: 'button', role: 'menuitem' }))).toBe('widget');
  });
});

describe('the speed keys', () => {
  it('go from half speed up to instant, and stay at the ends', () => {
    expect(nextSpeed(0.5, 1)).toBe(1);
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(2, 1)).toBe(0);
    expect(nextSpeed(0, 1)).toBe(0);
    expect(nextSpeed(0, -1)).toBe(2);
    expect(nextSpeed(0.5, -1)).toBe(0.5);
  });
});
