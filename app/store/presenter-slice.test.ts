import { describe, expect, it } from 'vitest';
import { presentingFromUrl } from './presenter-slice.ts';
import { createAppStore } from './store.ts';
import { scriptedShell } from './testing/scripted-shell.ts';

describe('presenter mode', () => {
  it('is off in a new store and turns on and off', () => {
    const store = createAppStore(scriptedShell());
    expect(store.getState().presenting).toBe(false);
    store.getState().setPresenting(true);
    expect(store.getState().presenting).toBe(true);
    store.getState().setPresenting(false);
    expect(store.getState().presenting).toBe(false);
  });

  it('blanks the screen only in presenter mode, and leaving it shows the screen again', () => {
    const store = createAppStore(scriptedShell());
    store.getState().setBlanked(true);
    expect(store.getState().blanked).toBe(false);
    store.getState().setPresenting(true);
    store.getState().setBlanked(true);
    expect(store.getState().blanked).toBe(true);
    store.getState().setPresenting(false);
    expect(store.getState().blanked).toBe(false);
  });

  it('does not wake subscribers when set to what it already is', () => {
    const store = createAppStore(scriptedShell());
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().setPresenting(false);
    expect(calls).toBe(0);
  });
});

describe('presenter mode from the URL', () => {
  it('is asked for by present=1 or present=true, among other parameters', () => {
    expect(presentingFromUrl('?present=1')).toBe(true);
    expect(presentingFromUrl('?lang=ko&present=true')).toBe(true);
  });

  it('is not asked for by its absence or another value', () => {
    expect(presentingFromUrl('')).toBe(false);
    expect(presentingFromUrl('?present=0')).toBe(false);
    expect(presentingFromUrl('?presenter=1')).toBe(false);
  });
});
