import type { KeyboardEvent, ToggleEvent } from 'react';
import { useId, useRef } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { archiveNameFor } from '../../store/import-slice.ts';
import { importMessages } from './messages.ts';

/** The image a row's download button opened the menu for: as shown, and as `docker save` names it. */
export interface SaveTarget {
  readonly label: string;
  readonly ref: string;
}

/** Where a key moves focus among the formats, from the focused one's index (-1 is the last). */
const MOVES: Partial<Record<string, (at: number) => number>> = {
  ArrowDown: (at) => at + 1,
  ArrowUp: (at) => at - 1,
  Home: () => 0,
  End: () => -1,
};

interface Props {
  /** The id the rows' download buttons name in `popoverTarget`. */
  readonly id: string;
  readonly target: SaveTarget | null;
  /** Told when the popover opens or closes, for the buttons' aria-expanded. */
  readonly onOpenChange: (open: boolean) => void;
}

/**
 * The two formats an image downloads in, as a popover the rows' download buttons open: the browser
 * puts it in the top layer (the panel's scrolling body cannot clip it), anchors it under the button
 * that opened it, and closes it on Escape or a click elsewhere, giving focus back to that button.
 * Its text lives outside the table, so a row's cells stay image, ID and layers.
 */
export function SaveImageMenu({ id, target, onOpenChange }: Props) {
  const t = useT(importMessages);
  const saveImage = useAppStore((s) => s.saveImage);
  const exportOciLayout = useAppStore((s) => s.exportOciLayout);
  const menu = useRef<HTMLDivElement>(null);
  const ids = useId();

  const pick = (save: (ref: string) => void): void => {
    menu.current?.hidePopover();
    if (target) save(target.ref);
  };
  // Opened from the keyboard or the mouse, the first format has focus; the arrows move between them.
  const toggled = (e: ToggleEvent<HTMLDivElement>): void => {
    onOpenChange(e.newState === 'open');
    if (e.newState === 'open') menu.current?.querySelector('button')?.focus();
  };
  const arrows = (e: KeyboardEvent<HTMLDivElement>): void => {
    const items = [...(menu.current?.querySelectorAll('button') ?? [])];
    const move = MOVES[e.key];
    if (move === undefined || items.length === 0) return;
    e.preventDefault();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    items.at(move(at) % items.length)?.focus();
  };

  return (
    <div
      ref={menu}
      id={id}
      popover="auto"
      className="save-menu"
      role="group"
      aria-label={target ? t('saveAs', { ref: target.label }) : undefined}
      onToggle={toggled}
      onKeyDown={arrows}
    >
      {target && (
        <>
          <p className="save-menu__title">{t('saveAs', { ref: target.label })}</p>
          <Format
            id={`${ids}-docker`}
            label={t('formatDockerArchive')}
            hint={t('formatDockerArchiveHint', { ref: target.ref, file: archiveNameFor(target.ref) })}
            onPick={() => pick(saveImage)}
          />
          <Format
            id={`${ids}-oci`}
            label={t('formatOciLayout')}
            hint={t('formatOciLayoutHint')}
            onPick={() => pick((r) => void exportOciLayout(r))}
          />
        </>
      )}
    </div>
  );
}

/** One format: named by its label, described by its hint (the share menu's item look). */
function Format({
  id,
  label,
  hint,
  onPick,
}: {
  id: string;
  label: string;
  hint: string;
  onPick: () => void;
}) {
  return (
    // Named by all its text (the format, then what it does), as it reads on screen: a name of the
    // label alone would hide visible words from speech input (axe: label-content-name-mismatch).
    <button type="button" className="share__item" id={id} onClick={onPick}>
      <span className="share__label">{label}</span>
      <span className="share__hint">{hint}</span>
    </button>
  );
}
