import type { CatalogSource } from '../engine/catalog/catalog.ts';
import { applyNamespace, containerNamespace } from '../engine/docker/containers.ts';
import { exitContainer } from '../engine/docker/lifecycle.ts';
import type { World } from '../engine/docker/world.ts';
import type { EngineEvent } from '../engine/events.ts';
import { hostNamespace } from '../engine/docker/hostview.ts';
import type { ContainerId } from '../engine/ids.ts';
import type { Layer } from '../engine/layer.ts';
import { NamespaceFs } from '../engine/namespace-fs.ts';
import { normalize } from '../engine/path.ts';
import type { DockerHost, ProgramIo } from './docker-host.ts';
import { shellOf } from './commands/docker/programs.ts';
import { lookupCommand } from './commands/registry.ts';
import { execLine } from './lang/index.ts';
import type { HostFile, HostFiles } from './host-files.ts';
import type { OutputChunk, Session, ShellFrame } from './session-api.ts';

/**
 * The simulated machine while one typed line runs: it holds the daemon's World and the host's
 * filesystem as mutable cells, hands out Fs views (host, or a container's mount namespace), moves the
 * logical clock (one tick per mutating command, H4) and collects the engine events in order. When
 * the line is done, `session()` freezes it back into an immutable Session.
 */
export class Machine implements DockerHost {
  private w: World;
  private host: Layer;
  private frames: ShellFrame[];
  readonly events: EngineEvent[] = [];
  private pending: ShellFrame | null = null;
  private readonly catalogSource: CatalogSource | undefined;
  /** A catalog file the line needs before it can run (set by needCatalogFile). */
  needs: string | null = null;
  /** A host archive the line needs prepared before it can run (set by needArchive). */
  needsArchive: string | null = null;
  private files: HostFiles | undefined;
  private readonly lang: 'en' | 'ko' | undefined;

  constructor(session: Session) {
    this.files = session.hostFiles;
    this.w = session.world;
    this.host = session.host;
    this.frames = [...session.frames];
    this.catalogSource = session.catalog;
    this.lang = session.language;
  }

  catalog(): CatalogSource | undefined {
    return this.catalogSource;
  }

  language(): 'en' | 'ko' {
    return this.lang ?? 'en';
  }

  needCatalogFile(file: string): void {
    if (this.needs === null) this.needs = file;
  }

  hostFile(path: string): HostFile | undefined {
    return this.files?.get(path);
  }

  writeHostFile(path: string, bytes: Uint8Array): void {
    this.files = new Map(this.files ?? []).set(path, { bytes });
  }

  needArchive(path: string): void {
    if (this.needsArchive === null) this.needsArchive = path;
  }

  world(): World {
    return this.w;
  }

  setWorld(world: World): void {
    this.w = world;
  }

  tick(): number {
    this.w = { ...this.w, clock: this.w.clock + 1 };
    return this.w.clock;
  }

  emit(events: readonly EngineEvent[]): void {
    this.events.push(...events);
  }

  session(): Session {
    const frames = this.pending ? [...this.frames, this.pending] : this.frames;
    return {
      world: this.w,
      host: this.host,
      frames,
      ...(this.catalogSource ? { catalog: this.catalogSource } : {}),
      ...(this.files ? { hostFiles: this.files } : {}),
      ...(this.lang ? { language: this.lang } : {}),
    };
  }

  top(): ShellFrame {
    return this.frames[this.frames.length - 1]!;
  }

  /** Run one line in a shell frame; returns the terminal output, exit code and the frame after it. */
  exec(
    frame: ShellFrame,
    line: string,
  ): { output: OutputChunk[]; exitCode: number; frame: ShellFrame; exited: number | null } {
    const cid = frame.containerId;
    const fs = this.fsFor(frame);
    let seen = 0;
    // After each command: keep what it changed, stamp the clock forward, collect its events.
    const settle = (): void => {
      const evs = fs.events();
      if (evs.length > seen) this.events.push(...evs.slice(seen));
      seen = evs.length;
      if (fs.mutated) {
        this.w = { ...this.w, clock: Math.max(this.w.clock, fs.clock) };
        if (cid === undefined) this.host = fs.ns.mounts[0]!.fs.upper;
        else {
          const c = this.w.containers.get(cid);
          if (c) this.w = applyNamespace(this.w, c, fs.ns);
        }
        fs.mutated = false;
      }
      fs.clock = this.w.clock + 1;
      // Docker commands may have changed the world: the next command sees the namespace as it is now.
      if (cid === undefined) fs.ns = hostNamespace(this.w, this.host);
      else {
        const c = this.w.containers.get(cid);
        if (c) fs.ns = containerNamespace(this.w, c);
      }
    };
    const r = execLine({
      line,
      fs,
      shell: {
        cwd: frame.cwd,
        env: new Map(frame.env),
        lastStatus: frame.lastStatus,
        shellName: frame.shellName,
        ...(frame.local ? { local: frame.local } : {}),
        ...(frame.lines !== undefined ? { lines: frame.lines } : {}),
      },
      where: frame.where,
      lookup: (name) => lookupCommand(name, frame.where),
      columns: 80,
      services: frame.where === 'host' ? { docker: this } : {},
      beforeCommand: settle,
    });
    settle();
    const next: ShellFrame = {
      ...frame,
      cwd: r.shell.cwd,
      env: r.shell.env,
      lastStatus: r.exitCode,
      ...(r.shell.local ? { local: r.shell.local } : {}),
      ...(r.shell.lines !== undefined ? { lines: r.shell.lines } : {}),
    };
    return { output: r.output, exitCode: r.exitCode, frame: next, exited: r.exited ? r.exited.code : null };
  }

  private fsFor(frame: ShellFrame): NamespaceFs {
    if (frame.containerId === undefined)
      return new NamespaceFs(hostNamespace(this.w, this.host), this.w.clock + 1);
    const c = this.w.containers.get(frame.containerId);
    if (!c) throw new Error('the container of this shell is gone');
    return new NamespaceFs(containerNamespace(this.w, c), this.w.clock + 1);
  }

  /** A line typed at the terminal: runs in the top frame; `exit` in a container shell leaves it. */
  typeLine(line: string): { output: OutputChunk[]; exitCode: number } {
    const frame = this.top();
    const withHistory: ShellFrame =
      frame.where === 'container' && line.trim() !== ''
        ? { ...frame, history: [...frame.history, line] }
        : frame;
    const r = this.exec(withHistory, line);
    this.frames[this.frames.length - 1] = r.frame;
    if (r.exited !== null && frame.where === 'container') this.leave(r.frame, r.exited);
    return { output: r.output, exitCode: r.exitCode };
  }

  /** Leave a container shell: bash writes its history; a `docker run -it` container stops with it. */
  private leave(frame: ShellFrame, code: number): void {
    this.frames.pop();
    const cid = frame.containerId!;
    const c = this.w.containers.get(cid);
    if (!c) return;
    if (frame.shellName === 'bash' && frame.history.length > 0) {
      const fs = new NamespaceFs(containerNamespace(this.w, c), this.tick());
      fs.writeFile(normalize('/root/.bash_history'), frame.history.map((l) => `${l}\n`).join(''), {
        append: true,
        mode: 0o600,
      });
      this.events.push(...fs.events());
      if (fs.mutated) this.w = applyNamespace(this.w, c, fs.ns);
    }
    if (frame.onExit !== 'none') this.w = exitContainer(this.w, cid, this.tick(), code);
  }

  // DockerHost: programs and shells inside containers.

  runProgram(id: ContainerId, argv: readonly string[], io: ProgramIo): number {
    const frame = this.containerFrame(id, shellOf(argv[0] ?? '') ?? 'sh', 'none');
    if (!frame) return 1;
    const shell = shellOf(argv[0] ?? '');
    let line: string;
    if (shell && argv[1] === '-c') line = argv[2] ?? '';
    else if (shell && argv.length === 1) line = io.stdin;
    else line = argv.map(shellQuote).join(' ');
    const r = this.exec(frame, line);
    for (const chunk of r.output) (chunk.stream === 'stdout' ? io.stdout : io.stderr)(chunk.text);
    return r.exited ?? r.exitCode;
  }

  enterShell(id: ContainerId, shell: 'bash' | 'sh', onExit: 'none' | 'stop' | 'remove'): void {
    this.pending = this.containerFrame(id, shell, onExit);
  }

  containerFrame(id: ContainerId, shell: 'bash' | 'sh', onExit: ShellFrame['onExit']): ShellFrame | null {
    const c = this.w.containers.get(id);
    if (!c) return null;
    const env = new Map<string, string>();
    for (const kv of c.env) {
      const eq = kv.indexOf('=');
      if (eq > 0) env.set(kv.slice(0, eq), kv.slice(eq + 1));
    }
    env.set('HOSTNAME', c.id.slice(0, 12));
    if (!env.has('HOME')) env.set('HOME', '/root');
    env.set('PWD', c.workingDir);
    return {
      where: 'container',
      containerId: id,
      shellName: shell,
      cwd: normalize(c.workingDir),
      env,
      lastStatus: 0,
      onExit,
      history: [],
    };
  }
}

/** Quote an argument so the shell gives it back unchanged. */
export const shellQuote = (s: string): string =>
  /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
