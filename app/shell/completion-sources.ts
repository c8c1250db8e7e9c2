import { containerNamespace } from '../engine/docker/containers.ts';
import { hostNamespace } from '../engine/docker/hostview.ts';
import type { Container } from '../engine/docker/world.ts';
import type { Fs } from '../engine/fs.ts';
import type { AbsPath } from '../engine/ids.ts';
import { NamespaceFs } from '../engine/namespace-fs.ts';
import { normalize } from '../engine/path.ts';
import { commandNames, lookupCommand } from './commands/registry.ts';
import { builtins } from './lang/index.ts';
import type { Session, ShellFrame } from './session-api.ts';

/** One word Tab may put in place of what was typed. */
export interface Choice {
  /** The whole word, unquoted: what was typed is a prefix of it. */
  readonly text: string;
  /** How the list of candidates shows it (a file's name without its directory, as bash does). */
  readonly display: string;
  /** A finished word: a space follows it. A directory or `web:` goes on being typed. */
  readonly done: boolean;
}

/** A filesystem as one shell sees it, for reading names. */
export interface FsView {
  readonly fs: Fs;
  readonly cwd: AbsPath;
  readonly home: string;
}

// A fresh NamespaceFs over the session's immutable state: reads record lookup events in this handle
// only, and the handle is dropped, so completing changes nothing and emits nothing.
export function frameView(session: Session, frame: ShellFrame): FsView | null {
  const home = frame.env.get('HOME') ?? '/root';
  if (frame.where === 'host') {
    const fs = new NamespaceFs(hostNamespace(session.world, session.host), session.world.clock);
    return { fs, cwd: frame.cwd, home };
  }
  const c = frame.containerId === undefined ? undefined : session.world.containers.get(frame.containerId);
  return c ? { ...containerView(session, c), cwd: frame.cwd, home } : null;
}

/** A container's merged view from its working directory, as `docker exec` starts there. */
export function containerView(session: Session, c: Container): FsView {
  const fs = new NamespaceFs(containerNamespace(session.world, c), session.world.clock);
  const home = c.env.find((kv) => kv.startsWith('HOME='))?.slice('HOME='.length) ?? '/root';
  return { fs, cwd: normalize(c.workingDir), home };
}

/** The names a command word can be: the shell's builtins and the programs that exist where it runs. */
export function commandChoices(frame: ShellFrame): Choice[] {
  const names = new Set(builtins(frame.shellName).keys());
  for (const name of commandNames()) if (lookupCommand(name, frame.where)) names.add(name);
  return [...names].sort().map((name) => ({ text: name, display: name, done: true }));
}

/**
 * The files of the directory a path names so far, each as the whole path typed: 'et' → 'etc/',
 * '/usr/lo' → '/usr/local/'. Dot files only when the name typed starts with a dot, as in bash.
 */
export function pathChoices(view: FsView, typed: string, dirsOnly = false): Choice[] {
  const slash = typed.lastIndexOf('/');
  const dirPart = typed.slice(0, slash + 1);
  const base = typed.slice(slash + 1);
  const dir = dirPart === '' ? view.cwd : normalize(expandTilde(dirPart, view.home), view.cwd);
  const listed = view.fs.readdir(dir);
  if (!listed.ok) return [];
  const out: Choice[] = [];
  for (const entry of listed.value) {
    if (!entry.name.startsWith(base) || (entry.name.startsWith('.') && !base.startsWith('.'))) continue;
    // A symlink to a directory completes as a directory, as readline's stat() sees it.
    const isDir =
      entry.kind === 'dir' || (entry.kind === 'symlink' && isDirectory(view.fs, normalize(entry.name, dir)));
    if (dirsOnly && !isDir) continue;
    const name = isDir ? `${entry.name}/` : entry.name;
    out.push({ text: dirPart + name, display: name, done: !isDir });
  }
  return out;
}

const isDirectory = (fs: Fs, path: AbsPath): boolean => {
  const st = fs.stat(path);
  return st.ok && st.value.kind === 'dir';
};

/** `~/x` reads $HOME/x; `~user` is left alone (the simulated machines have one user). */
const expandTilde = (path: string, home: string): string =>
  path === '~/' || path.startsWith('~/') ? home + path.slice(1) : path;
