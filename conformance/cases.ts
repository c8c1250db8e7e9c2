/**
 * The cases T1–T25 of SEMANTICS.md on its image base:2, with the table's upperdir, `docker diff`
 * and "more" column (ps -s sizes, commit tar entries, empty_layer) so the harness can check the real
 * side against the table.
 */
import { BIN_LAYER } from './bin.ts';
import { parseLine } from './render.ts';
import type { DaemonObserved, ImageSpec, Scenario, TarListEntry, TreeEntry } from './types.ts';

const BASE: ImageSpec = {
  ref: 'conf-base:2',
  layers: [
    BIN_LAYER,
    {
      entries: [
        { path: '/etc/config', type: 'file', content: 'v1\n' },
        { path: '/data/a.txt', type: 'file', content: 'a\n' },
        { path: '/data/sub/b.txt', type: 'file', content: 'b\n' },
        { path: '/lib/x.so', type: 'file', content: 'so\n' },
        { path: '/opt/app/run', type: 'file', mode: '0755', content: 'app\n' },
        { path: '/opt/gone', type: 'file', content: 'old\n' },
        { path: '/root', type: 'dir', mode: '0700' },
        { path: '/tmp', type: 'dir', mode: '1777' },
      ],
    },
    {
      entries: [
        { path: '/etc/config', type: 'file', content: 'v2\n' },
        { path: '/data/c.txt', type: 'file', content: 'c\n' },
        { path: '/opt/gone', type: 'whiteout' },
      ],
    },
  ],
};

/** The table's upperdir, compared on the fields given (path and type always). */
export interface ExpectedUpper {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'whiteout';
  readonly opaque?: true;
  readonly mode?: string;
  readonly content?: string;
}

/** The table's "more" column, compared on the fields given. */
export interface ExpectedDaemon {
  /** `docker ps -s`'s SizeRw in bytes. */
  readonly sizeRw?: number;
  /** The committed layer's tar names, in archive order; empty: no layer added, empty_layer, SIZE 0. */
  readonly tar?: readonly string[];
  /** Entries the committed layer's tar holds, with these fields. */
  readonly tarHas?: readonly (Partial<TarListEntry> & { readonly name: string })[];
}

export interface Case {
  readonly id: string;
  /** `docker run -v` arguments. */
  readonly volumes?: readonly string[];
  readonly typed: readonly string[];
  readonly upper: readonly ExpectedUpper[];
  readonly diff: readonly string[];
  readonly more?: ExpectedDaemon;
}

const d = (path: string, extra: Partial<ExpectedUpper> = {}): ExpectedUpper => ({
  path,
  type: 'dir',
  ...extra,
});
const f = (path: string, extra: Partial<ExpectedUpper> = {}): ExpectedUpper => ({
  path,
  type: 'file',
  ...extra,
});
const wh = (path: string): ExpectedUpper => ({ path, type: 'whiteout' });
const opq = (path: string): ExpectedUpper => ({ path, type: 'dir', opaque: true });

export const CASES: readonly Case[] = [
  {
    id: 'T1',
    typed: ['echo new > /etc/config'],
    upper: [d('/etc'), f('/etc/config', { content: 'new\n' })],
    diff: ['C /etc', 'C /etc/config'],
    more: { sizeRw: 4 },
  },
  {
    id: 'T2',
    typed: ['echo more >> /data/a.txt'],
    upper: [d('/data'), f('/data/a.txt', { content: 'a\nmore\n' })],
    diff: ['C /data', 'C /data/a.txt'],
    more: { sizeRw: 7 },
  },
  {
    id: 'T3',
    typed: ['touch /data/a.txt'],
    upper: [d('/data'), f('/data/a.txt')],
    diff: ['C /data', 'C /data/a.txt'],
  },
  {
    id: 'T4',
    typed: ['chmod 600 /data/a.txt'],
    upper: [d('/data'), f('/data/a.txt', { mode: '0600' })],
    diff: ['C /data', 'C /data/a.txt'],
  },
  {
    id: 'T5',
    typed: ['rm /data/a.txt'],
    upper: [d('/data'), wh('/data/a.txt')],
    diff: ['C /data', 'D /data/a.txt'],
    more: {
      sizeRw: 0,
      tar: ['data/', 'data/.wh.a.txt'],
      tarHas: [{ name: 'data/.wh.a.txt', type: '0', mode: '0600', size: 0 }],
    },
  },
  {
    id: 'T6',
    typed: ['rm -r /data/sub'],
    upper: [d('/data'), wh('/data/sub')],
    diff: ['C /data', 'D /data/sub'],
    more: { tarHas: [{ name: 'data/.wh.sub' }] },
  },
  {
    id: 'T7',
    typed: ['rm -r /data/sub && mkdir /data/sub && echo n > /data/sub/new'],
    upper: [d('/data'), opq('/data/sub'), f('/data/sub/new')],
    diff: ['C /data', 'C /data/sub', 'A /data/sub/new', 'D /data/sub/b.txt'],
    more: { tar: ['data/', 'data/sub/', 'data/sub/.wh..wh..opq', 'data/sub/new'] },
  },
  {
    id: 'T8',
    typed: ['mv /data/a.txt /data/renamed.txt'],
    upper: [d('/data'), wh('/data/a.txt'), f('/data/renamed.txt')],
    diff: ['C /data', 'A /data/renamed.txt', 'D /data/a.txt'],
    more: { tar: ['data/', 'data/.wh.a.txt', 'data/renamed.txt'] },
  },
  {
    id: 'T9',
    typed: ['mv /data/sub /data/sub2'],
    upper: [d('/data'), wh('/data/sub'), d('/data/sub2'), f('/data/sub2/b.txt')],
    diff: ['C /data', 'A /data/sub2', 'A /data/sub2/b.txt', 'D /data/sub'],
  },
  {
    id: 'T10',
    typed: ['touch /opt/app/newfile'],
    upper: [d('/opt'), d('/opt/app'), f('/opt/app/newfile')],
    diff: ['C /opt', 'C /opt/app', 'A /opt/app/newfile'],
  },
  {
    id: 'T11',
    typed: ['mkdir /opt/app/newdir'],
    upper: [d('/opt'), d('/opt/app'), d('/opt/app/newdir')],
    diff: ['C /opt', 'C /opt/app', 'A /opt/app/newdir'],
  },
  {
    id: 'T12',
    typed: ['ln -s /etc/config /opt/app/link'],
    upper: [d('/opt'), d('/opt/app'), { path: '/opt/app/link', type: 'symlink' }],
    diff: ['C /opt', 'C /opt/app', 'A /opt/app/link'],
    more: { sizeRw: 11 },
  },
  {
    id: 'T13',
    typed: ['echo hi > /opt/app/tmp && rm /opt/app/tmp'],
    upper: [d('/opt'), d('/opt/app')],
    diff: [],
    more: { tar: ['opt/', 'opt/app/'] },
  },
  {
    id: 'T14',
    typed: ['rm -r /data/sub && echo f > /data/sub'],
    upper: [d('/data'), f('/data/sub')],
    diff: ['C /data', 'C /data/sub'],
  },
  {
    id: 'T15',
    typed: ['rm /etc/config && mkdir /etc/config'],
    upper: [d('/etc'), opq('/etc/config')],
    diff: ['C /etc', 'C /etc/config'],
    more: { tar: ['etc/', 'etc/config/', 'etc/config/.wh..wh..opq'] },
  },
  {
    id: 'T16',
    typed: ['ln /data/a.txt /data/hard'],
    upper: [d('/data'), f('/data/a.txt'), f('/data/hard')],
    diff: ['C /data', 'A /data/hard'],
    more: { sizeRw: 2, tarHas: [{ name: 'data/hard', type: '1', size: 0, linkname: 'data/a.txt' }] },
  },
  {
    id: 'T17',
    typed: [': >> /data/a.txt'],
    upper: [d('/data'), f('/data/a.txt', { content: 'a\n' })],
    diff: [],
    more: { sizeRw: 2, tar: ['data/', 'data/a.txt'] },
  },
  {
    id: 'T18',
    typed: ['mkdir -p /new/deep/dir && echo x > /new/deep/dir/f'],
    upper: [d('/new'), d('/new/deep'), d('/new/deep/dir'), f('/new/deep/dir/f')],
    diff: ['A /new', 'A /new/deep', 'A /new/deep/dir', 'A /new/deep/dir/f'],
  },
  {
    id: 'T19',
    typed: ['echo x > /opt/gone'],
    upper: [d('/opt'), f('/opt/gone')],
    diff: ['C /opt', 'A /opt/gone'],
  },
  { id: 'T20', typed: ['cat /data/a.txt; ls -R /'], upper: [], diff: [], more: { sizeRw: 0, tar: [] } },
  { id: 'T21', typed: ['chmod 700 /data'], upper: [d('/data', { mode: '0700' })], diff: ['C /data'] },
  {
    id: 'T22',
    typed: ['mkdir /data/nd && touch /data/nd/f && mv /data/nd /data/nd2'],
    upper: [d('/data'), opq('/data/nd2'), f('/data/nd2/f')],
    diff: ['C /data', 'A /data/nd2', 'A /data/nd2/f'],
    more: { tarHas: [{ name: 'data/nd2/.wh..wh..opq' }] },
  },
  {
    id: 'T23',
    typed: ['rm -r /data && mkdir /data && echo n > /data/a.txt'],
    upper: [opq('/data'), f('/data/a.txt')],
    diff: ['C /data', 'C /data/a.txt', 'D /data/c.txt', 'D /data/sub'],
  },
  {
    id: 'T24',
    volumes: ['myvol:/data', '/anon'],
    typed: ['echo w > /data/new', 'echo more >> /data/a.txt', 'rm /data/c.txt', 'echo z > /anon/z'],
    upper: [d('/anon')],
    diff: ['A /anon'],
    more: { sizeRw: 0 },
  },
  {
    id: 'T25',
    typed: ['rm /data/c.txt && touch /data/0new /data/zzz'],
    upper: [d('/data'), f('/data/0new'), wh('/data/c.txt'), f('/data/zzz')],
    diff: ['C /data', 'A /data/0new', 'A /data/zzz', 'D /data/c.txt'],
    more: { tar: ['data/', 'data/0new', 'data/.wh.c.txt', 'data/zzz'] },
  },
];

/** Cases of SEMANTICS.md the suite does not run, and why (none at the moment). */
export const NOT_COVERED: readonly string[] = [];

/** Scenario names sort in table order: T01 … T25. */
function caseName(id: string): string {
  return id.replace(/^T(\d)$/, 'T0$1');
}

export function caseScenarios(): Scenario[] {
  return CASES.map((c) => ({
    name: caseName(c.id),
    image: BASE,
    ...(c.volumes === undefined ? {} : { volumes: c.volumes }),
    lines: c.typed.map(parseLine),
  }));
}

export function caseNamed(name: string): Case | undefined {
  return CASES.find((c) => caseName(c.id) === name);
}

/** Where the real upperdir and `docker diff` of a case differ from the SEMANTICS.md table. */
export function tableDifferences(c: Case, upper: readonly TreeEntry[], diff: readonly string[]): string[] {
  const out: string[] = [];
  const byPath = new Map(upper.map((entry) => [entry.path, entry]));
  for (const want of c.upper) {
    const got = byPath.get(want.path);
    if (got === undefined) {
      out.push(`table: upper lacks ${want.path} (${want.type})`);
      continue;
    }
    const fields = ['type', 'opaque', 'mode', 'content'] as const;
    for (const key of fields) {
      if (key !== 'opaque' && want[key] === undefined) continue;
      if (got[key] !== want[key])
        out.push(`table: upper ${want.path} ${key} is ${String(got[key])}, table says ${String(want[key])}`);
    }
  }
  const expected = new Set(c.upper.map((entry) => entry.path));
  for (const entry of upper)
    if (!expected.has(entry.path)) out.push(`table: upper has unexpected ${entry.path} (${entry.type})`);
  const wantDiff = new Set(c.diff);
  for (const line of diff) if (!wantDiff.has(line)) out.push(`table: docker diff has unexpected "${line}"`);
  for (const line of c.diff) if (!diff.includes(line)) out.push(`table: docker diff lacks "${line}"`);
  return out;
}

/** Where the real `docker ps -s`, commit and history of a case differ from the table's "more" column. */
export function tableDaemonDifferences(c: Case, daemon: DaemonObserved): string[] {
  const more = c.more;
  if (more === undefined) return [];
  const out: string[] = [];
  if (more.sizeRw !== undefined && daemon.sizeRw !== more.sizeRw)
    out.push(`table: SizeRw is ${daemon.sizeRw} bytes, table says ${more.sizeRw}`);
  const names = daemon.tar?.map((entry) => entry.name) ?? [];
  if (more.tar !== undefined && names.join(' ') !== more.tar.join(' '))
    out.push(`table: commit tar is [${names.join(', ')}], table says [${more.tar.join(', ')}]`);
  if (more.tar?.length === 0) {
    const newest = daemon.historySizes[0];
    if (daemon.layersAdded !== 0 || !daemon.emptyLayer || newest !== 0)
      out.push(
        `table: commit added ${daemon.layersAdded} layers, empty_layer ${daemon.emptyLayer}, SIZE ${String(newest)}; table says none, true, 0`,
      );
  }
  for (const want of more.tarHas ?? []) {
    const got = daemon.tar?.find((entry) => entry.name === want.name);
    if (got === undefined) out.push(`table: commit tar lacks ${want.name}`);
    else
      for (const [key, value] of Object.entries(want))
        if (got[key as keyof TarListEntry] !== value)
          out.push(
            `table: commit tar ${want.name} ${key} is ${String(got[key as keyof TarListEntry])}, table says ${String(value)}`,
          );
  }
  return out;
}
