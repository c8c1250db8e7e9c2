import type { Container } from '../engine/docker/world.ts';
import { SUBCOMMANDS } from './commands/docker/index.ts';
import { FLAGS as RUN_FLAGS } from './commands/docker/run.ts';
import type { DockerSubcommand } from './commands/docker/subcommand.ts';
import type { Choice, FsView } from './completion-sources.ts';
import { containerView, pathChoices } from './completion-sources.ts';
import type { Session } from './session-api.ts';

/** What the operands of a docker subcommand name, by position (the last one repeats). */
type Operand = 'container' | 'image' | 'object' | 'catalog' | 'path-in-container' | 'cp' | 'none';

const OPERANDS: Readonly<Record<string, readonly Operand[]>> = {
  exec: ['container', 'path-in-container'],
  start: ['container'],
  stop: ['container'],
  rm: ['container'],
  diff: ['container'],
  logs: ['container'],
  'container inspect': ['container'],
  commit: ['container', 'image', 'none'],
  cp: ['cp'],
  run: ['image', 'none'],
  create: ['image', 'none'],
  rmi: ['image'],
  history: ['image'],
  tag: ['image'],
  save: ['image'],
  'image inspect': ['image'],
  inspect: ['object'],
  pull: ['catalog'],
};

// The flags that take a value, as the subcommands' parsers declare them: the word after one is that
// value, not an operand. Kept here because only `run`'s flag table is exported.
const EXEC_VALUES = ['-e', '--env', '-w', '--workdir', '-u', '--user'];
const VALUE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  run: Object.keys(RUN_FLAGS.string),
  create: Object.keys(RUN_FLAGS.string),
  exec: EXEC_VALUES,
  commit: ['-a', '--author', '-m', '--message', '-c', '--change'],
  stop: ['-t', '--time', '-s', '--signal'],
  start: ['--detach-keys'],
  inspect: ['-f', '--format', '--type'],
  'image inspect': ['-f', '--format'],
  'container inspect': ['-f', '--format'],
};

/** Choices for the word after `docker` and `args` (the words between them, unquoted). */
export function dockerChoices(
  session: Session,
  args: readonly string[],
  typed: string,
  host: FsView,
): Choice[] {
  const found = findSubcommand(args);
  if (!found) return args.length <= 1 ? spellingWords(args) : [];
  const [sub, rest] = found;
  if (typed.startsWith('-')) return [];
  const values = VALUE_FLAGS[sub.name] ?? [];
  const operands = operandsBefore(rest, values);
  if (operands === null) return [];
  const kinds = OPERANDS[sub.name] ?? ['none'];
  const kind = kinds[Math.min(operands.length, kinds.length - 1)]!;
  const world = session.world;
  switch (kind) {
    case 'container':
      return containerChoices([...world.containers.values()], typed);
    case 'image':
      return refChoices([...world.tags.keys()]);
    case 'object':
      return [
        ...containerChoices([...world.containers.values()], typed),
        ...refChoices([...world.tags.keys()]),
      ];
    case 'catalog':
      return refChoices(
        (session.catalog?.index?.images ?? []).flatMap((i) => i.tags.map((t) => `${i.repository}:${t}`)),
      );
    case 'path-in-container': {
      const c = findContainer([...world.containers.values()], operands[0] ?? '');
      return c ? pathChoices(containerView(session, c), typed) : [];
    }
    case 'cp':
      return cpChoices(session, typed, host);
    case 'none':
      return [];
  }
}

/** The subcommand the words spell (`ps`, `container ls`, `image inspect` …), longest first. */
function findSubcommand(args: readonly string[]): [DockerSubcommand, readonly string[]] | undefined {
  let best: [DockerSubcommand, number] | undefined;
  for (const s of SUBCOMMANDS)
    for (const spelling of [s.name, ...(s.aliases ?? [])]) {
      const words = spelling.split(' ');
      if (words.every((w, i) => args[i] === w) && (!best || words.length > best[1])) best = [s, words.length];
    }
  return best && [best[0], args.slice(best[1])];
}

/** The next word of a spelling: `docker ` → run, ps, container …; `docker image ` → ls, inspect … */
function spellingWords(args: readonly string[]): Choice[] {
  const next = new Set<string>();
  for (const s of SUBCOMMANDS)
    for (const spelling of [s.name, ...(s.aliases ?? [])]) {
      const words = spelling.split(' ');
      if (words.length > args.length && args.every((a, i) => words[i] === a)) next.add(words[args.length]!);
    }
  return [...next].sort().map((w) => ({ text: w, display: w, done: true }));
}

/**
 * The operands among the words: flags and their values left out, everything after `--` kept. Null
 * when the word being typed is a flag's value (`--name ` is followed by a name of one's own).
 */
function operandsBefore(rest: readonly string[], values: readonly string[]): string[] | null {
  const operands: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w === '--') return [...operands, ...rest.slice(i + 1)];
    if (!w.startsWith('-') || w === '-') operands.push(w);
    else if (!w.includes('=') && takesValue(w, values) && ++i === rest.length) return null;
  }
  return operands;
}

// `-e` takes a value; in a cluster only its last letter can (`-it` does not, `-iw` does).
const takesValue = (flag: string, values: readonly string[]): boolean =>
  values.includes(flag.startsWith('--') ? flag : `-${flag.slice(-1)}`);

/**
 * Containers by name; by short ID too once something is typed (docker's own bash completion shows
 * names only, and an empty word would list every ID twice over).
 */
function containerChoices(containers: readonly Container[], typed: string, suffix = ''): Choice[] {
  const out: Choice[] = [];
  for (const c of containers) {
    out.push({ text: c.name + suffix, display: c.name + suffix, done: suffix === '' });
    if (typed !== '') {
      const id = c.id.slice(0, 12) + suffix;
      out.push({ text: id, display: id, done: suffix === '' });
    }
  }
  return out;
}

const refChoices = (refs: readonly string[]): Choice[] =>
  [...new Set(refs)].sort().map((r) => ({ text: r, display: r, done: true }));

/** A container by name, or by an ID prefix that only it has. */
function findContainer(containers: readonly Container[], word: string): Container | undefined {
  const byName = containers.find((c) => c.name === word);
  if (byName || word === '') return byName;
  const byId = containers.filter((c) => c.id.startsWith(word));
  return byId.length === 1 ? byId[0] : undefined;
}

/** `docker cp`: `web:/etc/ho` completes in the container; otherwise containers (`web:`) and host files. */
function cpChoices(session: Session, typed: string, host: FsView): Choice[] {
  const colon = typed.indexOf(':');
  const containers = [...session.world.containers.values()];
  if (colon < 0 || typed.slice(0, colon).includes('/'))
    return [...containerChoices(containers, typed, ':'), ...pathChoices(host, typed)];
  const name = typed.slice(0, colon);
  const c = findContainer(containers, name);
  if (!c) return [];
  // Paths after the colon are absolute in docker cp; a relative one starts at the working directory.
  return pathChoices(containerView(session, c), typed.slice(colon + 1)).map((ch) => ({
    ...ch,
    text: `${name}:${ch.text}`,
  }));
}
