import { useEffect, useEffectEvent } from 'react';
import type { FocusTarget, PresenterAction } from './keys.ts';
import { focusKind, presenterAction } from './keys.ts';

/** The focused element as presenterAction sees it (null: nothing, or the page itself). */
function focusTarget(el: EventTarget | null): FocusTarget | null {
  if (!(el instanceof HTMLElement) || el === document.body) return null;
  const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
  return {
    tag: el.tagName.toLowerCase(),
    type: el instanceof HTMLInputElement ? el.type : '',
    role: el.getAttribute('role'),
    contentEditable: el.isContentEditable,
    empty: field !== null && field.value === '',
  };
}

/**
 * While `active`, keys anywhere on the page become presenter actions (keys.ts). A key that a
 * component already handled (its default prevented) is left alone; one that becomes an action is
 * kept from doing anything else (scrolling the page, typing a letter).
 */
export function usePresenterKeys(
  active: boolean,
  blanked: boolean,
  onAction: (action: PresenterAction) => void,
): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const action = presenterAction(e, focusKind(focusTarget(e.target)), blanked);
    if (action === null) return;
    e.preventDefault();
    onAction(action);
  });
  useEffect(() => {
    if (!active) return;
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active]);
}
