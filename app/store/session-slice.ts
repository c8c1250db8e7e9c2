import type { StateCreator } from 'zustand/vanilla';
import type { CatalogFile, CatalogIndex } from '../engine/catalog/catalog.ts';
import { DEFAULT_IMAGE, filesFor, INDEX_FILE, memoryCatalog } from '../engine/catalog/catalog.ts';
import type { ContainerId } from '../engine/ids.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { HostFile } from '../shell/host-files.ts';
import type { OutputChunk, Session } from '../shell/session-api.ts';
import type { Translate } from '../i18n/i18n.ts';
import { translator } from '../i18n/i18n.ts';
import { stackContext } from '../timeline/context.ts';
import { containerSteps } from '../timeline/container-steps.ts';
import { NARRATORS } from '../timeline/narrators.ts';
import { stepsFor } from '../timeline/steps.ts';
import type { CatalogLoader } from './catalog-loader.ts';
import { loadFile, loadIndex, reasonOf } from './catalog-loader.ts';
import { pushHistory } from './history.ts';
import { unloadedShell } from './lazy-shell.ts';
import { storeMessages } from './messages.ts';
import type { ShellApi, ShellSource } from './shell-api.ts';
import type { TranscriptEntry } from './transcript.ts';
import { appendEntry, capOutput, MAX_COMMAND_CHARS } from './transcript.ts';
import type { AppState } from './store.ts';

export interface SessionSlice {
  /** The simulated machine: the daemon's world and the stack of shells. */
  readonly session: Session;
  /** What the terminal shows before the cursor: '$ ' on the host, 'root@<id>:/# ' in a container. */
  readonly prompt: string;
  readonly transcript: readonly TranscriptEntry[];
  /** Lines typed, oldest first, for ↑/↓. */
  readonly history: readonly string[];
  /** The container the file panels show: the one whose shell is open, else the last one a command touched. */
  readonly focusContainerId: ContainerId | null;
  /** What the command line suggests while nothing has been typed yet (its placeholder), or null. */
  readonly suggestion: string | null;
  /** The catalog file being fetched while a line waits for it ('nginx.json'), or null. */
  readonly catalogLoading: string | null;
  /** The machine as it last started fresh (page load or `resetMachine`); see `selectMachineFresh`. */
  readonly startedAs: Session;
  /**
   * Run one typed line and append it, with what it printed, to the transcript. A line that needs a
   * catalog file waits while the file is fetched; lines typed meanwhile run after it, in order.
   */
  run(line: string): void;
  /**
   * Page load: fetch the catalog's index and the default image's files, then start over with nginx
   * present as if pulled (the lines typed meanwhile wait and run after).
   */
  loadCatalog(): Promise<void>;
  /**
   * Start over on a fresh machine, as the page starts (nginx present as if pulled), without a reload:
   * the transcript, the undo records and lines still waiting go; the ↑/↓ history stays (a teacher
   * types the same commands again). The player is finished.
   */
  resetMachine(): void;
  /** Resolves once no line waits (for the shell's code, the catalog or an earlier line). */
  whenIdle(): Promise<void>;
  /** Empty the transcript (Ctrl+L); the machine and the history stay. */
  clearTranscript(): void;
  /**
   * Put an archive's bytes on the host at `path` (a picked or dropped file), once the shell is here;
   * false when this shell keeps no host files.
   */
  putHostFile(path: string, bytes: Uint8Array | Blob): Promise<boolean>;
  /** Show another container's stack and files (a click on its upper). */
  follow(id: ContainerId): void;
  /**
   * Ctrl+C at the prompt: the line is shown with `^C` after it and is neither run nor kept in the
   * history, as bash does. The machine is not touched (bash would also set $? to 130).
   */
  cancelLine(line: string): void;
}

/** The first command the page suggests, once the default image is there. */
export const SUGGESTED_COMMAND = 'docker run --name nginx -d nginx';

/** A line may need a few files (an image's and its base's); more would be a bug, not a slow network. */
const MAX_FETCHES_PER_LINE = 8;

export const createSessionSlice =
  (source: ShellSource, loader?: CatalogLoader): StateCreator<AppState, [], [], SessionSlice> =>
  (set, get) => {
    let nextId = 1;
    // Given a loader, the page shows an empty machine (a stand-in shell) until the shell's code is here.
    let shell: ShellApi = typeof source === 'function' ? unloadedShell('not loaded yet') : source;
    let loaded = typeof source !== 'function';
    const session = shell.createSession();
    /** Lines typed while the shell loads, or while an earlier line waits for the catalog. */
    const queue: string[] = [];
    let busy = false;
    const waiting = (): boolean => busy || !loaded;
    let index: CatalogIndex | null = null;
    const files = new Map<string, CatalogFile>();

    /** The app's own words in the terminal, in the language of the moment (tool output stays as is). */
    const say = (): Say => translator(storeMessages, get().language);
    const catalogOf = (failures: ReadonlyMap<string, string> = new Map()) =>
      memoryCatalog(index, new Map(files), failures);

    /** Fetch one file into the catalog; a failure is returned as its reason. */
    const fetchFile = async (file: string): Promise<string | null> => {
      if (!loader) return say()('noCatalog');
      try {
        if (file === INDEX_FILE) index = await loadIndex(loader);
        else if (!index) return say()('indexNotLoaded');
        else files.set(file, await loadFile(loader, index, file));
        return null;
      } catch (e) {
        return reasonOf(e, get().language);
      }
    };

    let idle: (() => void)[] = [];
    const drain = (): void => {
      while (!waiting() && queue.length > 0) runNow(queue.shift()!, 0);
      if (waiting() || queue.length > 0) return;
      const resolve = idle;
      idle = [];
      for (const r of resolve) r();
    };

    /** The shell's code has arrived: the real machine replaces the stand-in, and waiting lines run. */
    const arrived: Promise<void> =
      typeof source === 'function'
        ? source()
            .catch((e: unknown) => unloadedShell(reasonOf(e, get().language), () => get().language))
            .then((api) => {
              shell = api;
              loaded = true;
              const fresh = api.createSession();
              set({ session: fresh, startedAs: fresh, prompt: api.promptOf(fresh) });
              drain();
            })
        : Promise.resolve();

    /** Run a line; when it needs a catalog file, fetch it and run the line again (the rest waits). */
    const runNow = (line: string, fetches: number): void => {
      // The shell words Layerlab's own messages in the page's language (tool output stays as printed).
      const current = get().session;
      const language = get().language;
      const before = current.language === language ? current : { ...current, language };
      const result = runSafely(shell, before, line, say());
      if (result.needs && loader) {
        const file = result.needs.catalogFile;
        busy = true;
        set({ catalogLoading: file });
        const fetched =
          fetches >= MAX_FETCHES_PER_LINE ? Promise.resolve(say()('stillMissing')) : fetchFile(file);
        void fetched.then((failure) => {
          const failures = new Map<string, string>();
          if (failure !== null) failures.set(file, failure);
          // The failure is seen by this line only: the next line that needs the file tries again.
          const withCatalog = { ...get().session, catalog: catalogOf(failures) };
          set({ session: withCatalog, catalogLoading: null });
          busy = false;
          runNow(line, fetches + 1);
          if (failure !== null) set({ session: { ...get().session, catalog: catalogOf() } });
          drain();
        });
        return;
      }
      if (result.needsArchive !== undefined && shell.prepareHostFile && fetches < MAX_FETCHES_PER_LINE) {
        prepareThenRun(line, result.needsArchive, fetches, shell.prepareHostFile);
        return;
      }
      record(line, before, result);
    };

    /** Read a host archive `docker load` asks for (progress and cancel in the import slice), then run the line again. */
    const prepareThenRun = (
      line: string,
      path: string,
      fetches: number,
      prepare: NonNullable<ShellApi['prepareHostFile']>,
    ): void => {
      busy = true;
      const start = get().session;
      const file = start.hostFiles?.get(path);
      const total = !file ? 0 : file.bytes instanceof Uint8Array ? file.bytes.length : file.bytes.size;
      let transient = false;
      void get()
        .trackImport(path, total, (opts) => prepare(start, path, opts))
        .then(
          (s) => s.hostFiles?.get(path)?.prepared ?? { error: 'the archive could not be read' },
          (e: unknown) => {
            transient = true;
            return {
              error: e instanceof Error && e.name === 'AbortError' ? 'context canceled' : reasonOf(e),
            };
          },
        )
        .then((prepared) =>
          transient ? { use: prepared, keep: undefined } : get().pickImages(path, prepared),
        )
        .then(({ use, keep }) => {
          const withFile = (p: HostFile['prepared']): void => {
            const now = get().session;
            const file = now.hostFiles?.get(path);
            if (!file) return;
            const f: HostFile = p === undefined ? { bytes: file.bytes } : { bytes: file.bytes, prepared: p };
            set({ session: { ...now, hostFiles: new Map(now.hostFiles).set(path, f) } });
          };
          withFile(use);
          busy = false;
          runNow(line, fetches + 1);
          // A cancel, or the one image picked of several, is for this line only: the file keeps the
          // whole archive (or is read again) for the next `docker load`.
          if (keep !== use) withFile(keep);
          drain();
        });
    };

    const record = (line: string, session: Session, result: SafeResult): void => {
      const { prompt, transcript, focusContainerId } = get();
      const { output, omitted } = capOutput(result.output);
      const entry: TranscriptEntry = {
        id: nextId++,
        prompt,
        where: session.frames[session.frames.length - 1]?.where ?? 'host',
        command: line.length > MAX_COMMAND_CHARS ? line.slice(0, MAX_COMMAND_CHARS) : line,
        commandOmitted: Math.max(0, line.length - MAX_COMMAND_CHARS),
        output,
        outputOmitted: omitted,
        exitCode: result.exitCode,
      };
      const after = {
        session: result.session,
        prompt: shell.promptOf(result.session),
        focusContainerId: focusAfter(session, result.session, focusContainerId),
      };
      set({ ...after, transcript: appendEntry(transcript, entry), suggestion: null });
      // The line's animation: named from the container it ran in, with the world after it.
      const ranIn = session.frames[session.frames.length - 1]?.containerId ?? null;
      // Told in the language of the moment: after a switch, the lines that follow are told in the new one.
      const narrator = NARRATORS[get().language];
      const containers = containerSteps(session.world, result.session.world, narrator);
      const steps = [
        ...containers.created,
        ...stepsFor({ line, events: result.events }, stackContext(result.session.world, ranIn, narrator)),
        ...containers.removed,
      ];
      get().remember({ line, before: { session, prompt, focusContainerId }, after, entry, steps });
      get().loadSteps(steps);
      get().offerSaved(line, session, result.session);
    };

    return {
      session,
      prompt: shell.promptOf(session),
      transcript: [],
      history: [],
      focusContainerId: null,
      suggestion: null,
      catalogLoading: null,
      startedAs: session,
      run(line) {
        set({ history: pushHistory(get().history, line) });
        if (waiting()) queue.push(line);
        else runNow(line, 0);
      },
      async loadCatalog() {
        if (!loader || busy) return;
        busy = true;
        set({ catalogLoading: INDEX_FILE });
        let failure = await fetchFile(INDEX_FILE);
        if (index) {
          const needed = filesFor(index, DEFAULT_IMAGE);
          set({ catalogLoading: needed[needed.length - 1] ?? null });
          const failures = await Promise.all(needed.map(fetchFile));
          failure ??= failures.find((f) => f !== null) ?? null;
        }
        await arrived;
        const untouched = get().transcript.length === 0 && get().session.world.containers.size === 0;
        if (failure === null && untouched) {
          // Start over with the default image present, as if pulled: nothing was typed yet. A file
          // opened meanwhile (its docker load waiting for this) comes along to the new machine.
          let fresh = shell.createSession({ catalog: catalogOf(), pulled: [DEFAULT_IMAGE] });
          for (const [path, file] of get().session.hostFiles ?? [])
            if (shell.addHostFile) fresh = shell.addHostFile(fresh, path, file.bytes);
          set({
            session: fresh,
            startedAs: fresh,
            prompt: shell.promptOf(fresh),
            suggestion: SUGGESTED_COMMAND,
          });
        } else set({ session: { ...get().session, catalog: catalogOf() } });
        set({ catalogLoading: null });
        busy = false;
        drain();
      },
      async putHostFile(path, bytes) {
        await arrived;
        if (!shell.addHostFile) return false;
        set({ session: shell.addHostFile(get().session, path, bytes) });
        return true;
      },
      resetMachine() {
        // Lines typed for the old machine and still waiting go with it.
        queue.length = 0;
        const pulled = index !== null && filesFor(index, DEFAULT_IMAGE).every((f) => files.has(f));
        const fresh = shell.createSession({
          catalog: catalogOf(),
          ...(pulled ? { pulled: [DEFAULT_IMAGE] } : {}),
        });
        set({
          session: fresh,
          startedAs: fresh,
          prompt: shell.promptOf(fresh),
          transcript: [],
          focusContainerId: null,
          suggestion: pulled ? SUGGESTED_COMMAND : null,
          done: [],
          undone: [],
          pointer: null,
          selectedPath: null,
        });
        get().loadSteps([]);
      },
      whenIdle() {
        if (!waiting() && queue.length === 0) return Promise.resolve();
        return new Promise<void>((resolve) => idle.push(resolve));
      },
      clearTranscript() {
        set({ transcript: [] });
      },
      follow(id) {
        if (get().session.world.containers.has(id)) set({ focusContainerId: id });
      },
      cancelLine(line) {
        const { prompt, session, transcript } = get();
        const command = `${line}^C`;
        const entry: TranscriptEntry = {
          id: nextId++,
          prompt,
          where: session.frames[session.frames.length - 1]?.where ?? 'host',
          command: command.length > MAX_COMMAND_CHARS ? command.slice(0, MAX_COMMAND_CHARS) : command,
          commandOmitted: Math.max(0, command.length - MAX_COMMAND_CHARS),
          output: [],
          outputOmitted: 0,
          exitCode: 130,
        };
        set({ transcript: appendEntry(transcript, entry) });
      },
    };
  };

type Say = Translate<keyof typeof storeMessages.en>;

interface SafeResult {
  readonly session: Session;
  readonly output: readonly OutputChunk[];
  readonly exitCode: number;
  readonly events: readonly EngineEvent[];
  readonly needs?: { readonly catalogFile: string };
  readonly needsArchive?: string;
}

/**
 * The shell promises never to throw; if a bug makes it throw anyway, the line fails with a message and
 * the machine stays as it was, so the person can keep typing.
 */
function runSafely(shell: ShellApi, session: Session, line: string, t: Say): SafeResult {
  try {
    return shell.runLine(session, line);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      session,
      output: [{ stream: 'stderr', text: `${t('internalError', { message })}\n` }],
      exitCode: 70,
      events: [],
    };
  }
}

/** Which container the file panels follow after a line ran. */
export function focusAfter(prev: Session, next: Session, focus: ContainerId | null): ContainerId | null {
  const top = next.frames[next.frames.length - 1];
  if (top?.where === 'container' && top.containerId !== undefined) return top.containerId;
  // Containers are immutable records: one the line created or changed is a new object.
  let touched: ContainerId | null = null;
  for (const [id, c] of next.world.containers) if (prev.world.containers.get(id) !== c) touched = id;
  if (touched !== null) return touched;
  if (focus !== null && next.world.containers.has(focus)) return focus;
  let last: ContainerId | null = null;
  for (const id of next.world.containers.keys()) last = id;
  return last;
}

/**
 * The machine is as it started fresh: no line since changed the daemon, the host or the shells (one
 * that only reads, `docker info`, leaves it fresh; undoing every command gets back to it).
 */
export const selectMachineFresh = (s: AppState): boolean =>
  s.session.world === s.startedAs.world &&
  s.session.host === s.startedAs.host &&
  s.session.frames === s.startedAs.frames;
