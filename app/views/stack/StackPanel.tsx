import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AbsPath } from '../../engine/ids.ts';
import { basename, dirname, joinPath, ROOT } from '../../engine/path.ts';
import type { Container, World } from '../../engine/docker/world.ts';
import {
  selectCurrentStep,
  selectDone,
  selectFocusContainer,
  selectPlayer,
  selectPointer,
  selectUndone,
  selectWorld,
} from '../../store/selectors.ts';
import { worldBefore } from '../../store/undo-slice.ts';
import { appStore, useAppStore } from '../../store/use-app-store.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { useT } from '../../i18n/use-t.ts';
import type { Step } from '../../timeline/step.ts';
import { LayersMark } from '../LayersMark.tsx';
import { Panel } from '../panels/Panel.tsx';
import { Breadcrumb } from './Breadcrumb.tsx';
import { CommandTimeline } from './CommandTimeline.tsx';
import type { StackLayout } from './layout.ts';
import { columnOf, formatBytes, MAX_COLUMNS, sameBand, stackLayout, tilesAt } from './layout.ts';
import { COL_W, LABEL_W, LayerStack, NAME_OVERHANG } from './LayerStack.tsx';
import { Legend } from './Legend.tsx';
import type { GhostRow } from './marks.ts';
import { ghostRow, stackRows } from './marks.ts';
import type { StackKey } from './messages.ts';
import { markWord, rowWords, stackMessages } from './messages.ts';
import { PlaybackControls } from './PlaybackControls.tsx';
import { PullStack } from './PullStack.tsx';
import { Siblings } from './Siblings.tsx';
import { TarListing } from './TarListing.tsx';
import { useStepTimer } from './step-timer.ts';
import { stagedLayout } from './staging.ts';

/** Where the stack looks: the directory, the first name shown, and a name a step asks to show. */
interface View {
  readonly dir: AbsPath;
  readonly offset: number;
  readonly reveal: string | null;
}

const ROOT_VIEW: View = { dir: ROOT, offset: 0, reveal: null };

/** The followed container's layer stack, the current step's narration and the playback controls. */
export function StackPanel() {
  const world = useAppStore(selectWorld);
  const container = useAppStore(selectFocusContainer);
  const player = useAppStore(selectPlayer);
  const step = useAppStore(selectCurrentStep);
  const [view, setView] = useState<View>(ROOT_VIEW);
  const [seen, setSeen] = useState<Step | undefined>(undefined);
  const [measure, perPage] = usePerPage();
  const t = useT(stackMessages);

  // A new step moves the stack to its directory, with its first highlighted name on the page.
  if (step !== seen) {
    setSeen(step);
    if (step)
      setView(container ? viewOf(step, world, container) : { dir: step.focusDir, offset: 0, reveal: null });
  }

  // prefers-reduced-motion: instant steps, same highlights and narration.
  useEffect(() => {
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) appStore.getState().setSpeed(0);
  }, []);

  // A pointer elsewhere (a diff line, a tree entry) brings its directory on screen when nothing plays.
  const pointer = useAppStore(selectPointer);
  const [seenPointer, setSeenPointer] = useState(pointer);
  if (pointer !== seenPointer) {
    setSeenPointer(pointer);
    if (pointer?.path && !player.playing && pointer.path !== ROOT)
      setView({ dir: dirname(pointer.path), offset: 0, reveal: basename(pointer.path) });
  }
  const pointed = useMemo(
    () => ({
      name: pointer?.path && dirname(pointer.path) === view.dir ? basename(pointer.path) : null,
      layer: pointer?.layer ?? null,
    }),
    [pointer, view.dir],
  );

  // The command's changes appear step by step: the stack shows each tile as it was until its step.
  const before = useAppStore((s) => worldBefore(s, s.player.steps));
  const layout = useMemo(() => {
    if (!container) return null;
    // A write going out to a volume needs room beside the stack for the box it goes into.
    const room = step?.kind === 'elsewhere' ? Math.max(3, perPage - 4) : perPage;
    const after = stackLayout(world, container, view.dir, view.offset, room, view.reveal);
    return stagedLayout(after, before, container, player.steps, player.index, player.done);
  }, [world, container, view, perPage, before, player.steps, player.index, player.done, step?.kind]);
  const ghost = useMemo(
    () => ghostRow(player.steps, player.index, player.done),
    [player.steps, player.index, player.done],
  );
  const onStepEnd = useCallback((s: Step) => appStore.getState().tick(s), []);
  // A pull is drawn as its own stack of arriving layers; with no container, nothing draws the step.
  const pulling = step?.kind === 'pull-layer' && !player.done;
  useStepTimer(step, player.speed, pulling || !layout, onStepEnd);
  const done = useAppStore(selectDone);
  const undone = useAppStore(selectUndone);
  const actions = appStore.getState();

  return (
    <Panel
      title={t('title')}
      {...(container ? { subtitle: t('subtitle', { name: container.name }) } : {})}
      className="panel--stack"
    >
      <div className="stack" ref={measure}>
        <div className="stack__bar">
          <Breadcrumb dir={view.dir} onOpen={(dir) => setView({ dir, offset: 0, reveal: null })} />
          {layout && layout.total > layout.columns.length && (
            <div className="stack__pager" role="group" aria-label={t('names')}>
              <button
                type="button"
                className="button"
                disabled={layout.offset === 0}
                onClick={() =>
                  setView({ ...view, offset: Math.max(0, layout.offset - perPage), reveal: null })
                }
              >
                {t('previousNames')}
              </button>
              <span className="stack__range">
                {t('range', {
                  from: layout.offset + 1,
                  to: layout.offset + layout.columns.length,
                  total: layout.total,
                })}
              </span>
              <button
                type="button"
                className="button"
                disabled={layout.offset + layout.columns.length >= layout.total}
                onClick={() => setView({ ...view, offset: layout.offset + perPage, reveal: null })}
              >
                {t('nextNames')}
              </button>
            </div>
          )}
        </div>
        {pulling ? (
          <PullStack steps={player.steps} index={player.index} />
        ) : layout && container ? (
          <>
            <Siblings world={world} followed={container} onFollow={actions.follow} />
            <div className="stack__scroll">
              <LayerStack
                layout={layout}
                ghost={ghost}
                pointed={pointed}
                step={step}
                speed={player.speed}
                onStepEnd={onStepEnd}
              />
            </div>
            {step?.kind === 'commit-tar' && !player.done && <TarListing step={step} world={world} />}
            <DirButtons
              names={layout.columns.filter(
                (_n, j) => layout.bands[0]?.tiles[j] === 'dir' || layout.bands[0]?.tiles[j] === 'opaque',
              )}
              dir={view.dir}
              label={t('openDir')}
              onOpen={(dir) => setView({ dir, offset: 0, reveal: null })}
            />
          </>
        ) : (
          <div className="placeholder">
            <LayersMark size={56} className="placeholder__mark" />
            <p>{t('empty')}</p>
          </div>
        )}
        <Legend />
      </div>
      <div className="stack__foot">
        <p className="stack__status" role="status">
          {step ? step.text : t('idle')}
          {step?.bytes !== undefined && step.bytes > 0 && (
            <span className="stack__bytes"> ({formatBytes(step.bytes)})</span>
          )}
          {step?.detail !== undefined && <code className="stack__detail"> {step.detail}</code>}
        </p>
        {layout && <HighlightList step={step} layout={layout} ghost={ghost} t={t} />}
        <div className="stack__controls">
          <PlaybackControls
            player={player}
            onPlay={actions.play}
            onPause={actions.pause}
            onBack={actions.stepBack}
            onForward={actions.stepForward}
            onSpeed={actions.setSpeed}
          />
          <CommandTimeline
            done={done}
            undone={undone}
            onUndo={actions.undo}
            onRedo={actions.redo}
            onGoTo={actions.goTo}
          />
        </div>
        <NarrationLog log={player.log} t={t} />
      </div>
    </Panel>
  );
}

/** Narrations kept for reading back; the newest is in the status line above as it is said. */
const LOG_SHOWN = 100;

/** Every sentence said so far (the last LOG_SHOWN), to read back what went by at speed. */
function NarrationLog({ log, t }: { readonly log: readonly string[]; readonly t: Translate<StackKey> }) {
  if (log.length === 0) return null;
  const shown = log.slice(-LOG_SHOWN);
  return (
    <details className="narration-log">
      <summary>{t('logSummary', { count: log.length })}</summary>
      <ol role="log" aria-label={t('log')} start={log.length - shown.length + 1}>
        {shown.map((text, i) => (
          <li key={log.length - shown.length + i}>{text}</li>
        ))}
      </ol>
    </details>
  );
}

/**
 * The current step's highlights as a list: "Upper 8f3d5774d76c: /etc/app/app.conf — copy". The marks
 * are drawn; this list says them (screen readers, tests).
 */
function HighlightList({
  step,
  layout,
  ghost,
  t,
}: {
  readonly step: Step | undefined;
  readonly layout: StackLayout;
  readonly ghost: GhostRow | null;
  readonly t: Translate<StackKey>;
}) {
  // The rows name every band, WorkDir and the layer being committed as the drawing does.
  const rows = stackRows(layout, ghost, rowWords(t));
  const items = (step?.highlights ?? []).map((h) =>
    t('highlight', {
      band: rows.find((r) => sameBand(r.ref, h.at))?.label ?? t('notInStack'),
      path: h.path === ROOT ? t('wholeLayer') : h.path,
      mark: markWord(t, h.mark),
    }),
  );
  return (
    <ul className="visually-hidden" aria-label={t('highlighted')}>
      {items.map((t, i) => (
        <li key={i}>{t}</li>
      ))}
    </ul>
  );
}

/** The merged directories on the page, as buttons that open them (the keyboard way in). */
function DirButtons({
  names,
  dir,
  label,
  onOpen,
}: {
  readonly names: readonly string[];
  readonly dir: AbsPath;
  readonly label: string;
  readonly onOpen: (dir: AbsPath) => void;
}) {
  if (names.length === 0) return null;
  return (
    <div className="stack__dirs" role="group" aria-label={label}>
      {names.map((n) => (
        <button
          key={n}
          type="button"
          className="stack__dir"
          onClick={() => onOpen((dir === '/' ? `/${n}` : `${dir}/${n}`) as AbsPath)}
        >
          {n}/
        </button>
      ))}
    </div>
  );
}

/**
 * Where a step is seen: its directory with its first highlighted name on the page. A name no layer
 * of the stack holds (a file written into a volume mounted at /data) is shown at the nearest
 * directory above it that the stack does hold (the column of /data itself).
 */
function viewOf(step: Step, world: World, container: Container): View {
  const name = firstColumn(step);
  const target = step.highlights.find((h) => columnOf(step.focusDir, h.path) !== null)?.path;
  if (name === null || target === undefined) return { dir: step.focusDir, offset: 0, reveal: name };
  for (let dir = step.focusDir, path = joinPath(dir, name); ; path = dir, dir = dirname(dir)) {
    const tiles = tilesAt(world, container, dir, [basename(path)]);
    const held = tiles.merged[0] !== null || [...tiles.layers.values()].some((t) => t[0] !== null);
    if (held || dir === ROOT) return { dir, offset: 0, reveal: basename(path) };
  }
}

function firstColumn(step: Step): string | null {
  for (const h of step.highlights) {
    const c = columnOf(step.focusDir, h.path);
    if (c !== null) return c;
  }
  return null;
}

/** How many columns fit the stack's width (at least 4, at most MAX_COLUMNS), kept up to date. */
function usePerPage(): [(el: HTMLDivElement | null) => void, number] {
  const [count, setCount] = useState(12);
  const observer = useRef<ResizeObserver | null>(null);
  const measure = useCallback((el: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!el) return;
    const fit = (w: number) =>
      setCount(Math.max(4, Math.min(MAX_COLUMNS, Math.floor((w - LABEL_W - NAME_OVERHANG) / COL_W))));
    fit(el.clientWidth);
    observer.current = new ResizeObserver((entries) => {
      for (const e of entries) fit(e.contentRect.width);
    });
    observer.current.observe(el);
  }, []);
  return [measure, count];
}
