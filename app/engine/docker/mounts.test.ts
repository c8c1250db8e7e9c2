import { describe, expect, it } from 'vitest';
import type { AbsPath } from '../ids.ts';
import { NamespaceFs } from '../namespace-fs.ts';
import { BASE2_LAYERS, dumpUpper } from '../testing/builders.ts';
import { walk } from '../tree.ts';
import {
  applyNamespace,
  containerNamespace,
  containerOverlay,
  createContainer,
  initOverlay,
} from './containers.ts';
import { changes, formatChanges } from './diff.ts';
import { addImage } from './images.ts';
import type { MountRequest } from './mounts.ts';
import {
  checkMountTargets,
  combineMounts,
  parseMountFlag,
  parseTmpfsFlag,
  parseVolumeFlag,
  prepareMounts,
} from './mounts.ts';
import type { Container, World } from './world.ts';
import { emptyWorld } from './world.ts';

const P = (s: string): AbsPath => s as AbsPath;

function requests(...flags: string[]): MountRequest[] {
  return flags.map((f) => {
    const r = f.startsWith('tmpfs:') ? parseTmpfsFlag(f.slice(6)) : parseVolumeFlag(f);
    if ('error' in r) throw new Error(r.error);
    return r;
  });
}

/** base:2 and a container on it with these mounts, created and started (mount points made). */
function started(
  flags: string[],
  opts: { readOnly?: boolean; world?: World } = {},
): { world: World; c: Container } {
  let world = opts.world;
  if (!world) [world] = addImage(emptyWorld(), { ref: 'base:2', layers: BASE2_LAYERS });
  const image = [...world.images.values()][0]!;
  const [w1, c0] = createContainer(world, {
    image,
    imageRef: 'base:2',
    command: ['sleep', 'infinity'],
    autoRemove: false,
    mounts: requests(...flags),
    readOnly: opts.readOnly ?? false,
  });
  const prep = prepareMounts({ ...w1, clock: w1.clock + 1 }, c0);
  if ('error' in prep) throw new Error(prep.error);
  return { world: prep.world, c: prep.container };
}

/** Run f on the container's namespace and take everything back, as the machine does after a command. */
function inside(world: World, c: Container, f: (fs: NamespaceFs) => void): { world: World; c: Container } {
  const fs = new NamespaceFs(containerNamespace(world, c), world.clock + 1);
  f(fs);
  const w = applyNamespace({ ...world, clock: world.clock + 1 }, c, fs.ns);
  return { world: w, c: w.containers.get(c.id)! };
}

const tree = (world: World, name: string): string[] =>
  [...walk(world.volumes.get(name)!.tree.root)].map(([p, n]) =>
    n.kind === 'file' ? `${p} ${JSON.stringify(n.content)}` : n.kind === 'dir' ? `${p}/` : p,
  );

const diffOf = (world: World, c: Container): string[] =>
  formatChanges(changes(containerOverlay(world, c), initOverlay(world, c)));

describe('-v as the CLI and dockerd read it', () => {
  it('reads NAME:/path, NAME:/path:ro and /path', () => {
    expect(parseVolumeFlag('myvol:/data')).toMatchObject({ name: 'myvol', target: '/data', readOnly: false });
    expect(parseVolumeFlag('myvol:/data:ro')).toMatchObject({ name: 'myvol', readOnly: true, mode: 'ro' });
    expect(parseVolumeFlag('myvol:/data:nocopy')).toMatchObject({ copyData: false });
    expect(parseVolumeFlag('/anon/')).toMatchObject({ name: null, target: '/anon' });
  });

  it('takes a source-less spec as an anonymous volume, relative to / as dockerd does', () => {
    expect(parseVolumeFlag('rel')).toMatchObject({ name: null, target: '/rel' });
    // compose's ParseVolume reads "x:" as a Windows drive: the whole spec is the path.
    expect(parseVolumeFlag('x:/etc/config')).toMatchObject({ name: null, target: '/x:/etc/config' });
  });

  it("refuses what dockerd's ParseMountRaw refuses, in its words", () => {
    expect(parseVolumeFlag('data:rel')).toEqual({
      error:
        `invalid volume specification: 'data:rel': invalid mount config for type "volume": ` +
        `invalid mount path: 'rel' mount path must be absolute`,
    });
    expect(parseVolumeFlag('xx:/')).toEqual({
      error: `invalid volume specification: 'xx:/': invalid mount config for type "volume": invalid specification: destination can't be '/'`,
    });
    expect(parseVolumeFlag('a:/b:c:d')).toEqual({ error: "invalid volume specification: 'a:/b:c:d'" });
    expect(parseVolumeFlag('/anon:ro')).toEqual({ error: "invalid volume specification: '/anon:ro'" });
    expect(parseVolumeFlag('aa:/b:rw,ro')).toEqual({ error: 'invalid mode: rw,ro' });
    expect(parseVolumeFlag('aa:/b:xx')).toEqual({ error: 'invalid mode: xx' });
  });

  it('says plainly that host bind mounts are not simulated', () => {
    expect(parseVolumeFlag('/srv/www:/data')).toMatchObject({
      error: expect.stringContaining('not simulated'),
    });
  });
});

describe('--tmpfs and --mount', () => {
  it('reads the tmpfs options dockerd accepts', () => {
    expect(parseTmpfsFlag('/t:size=1m,mode=700')).toMatchObject({
      target: '/t',
      mode: 0o700,
      readOnly: false,
    });
    expect(parseTmpfsFlag('/t:ro')).toMatchObject({ readOnly: true, mode: null });
    expect(parseTmpfsFlag('/t:foo')).toEqual({ error: 'invalid tmpfs option ["foo"]' });
    expect(parseTmpfsFlag('rel')).toEqual({ error: "invalid mount path: 'rel' mount path must be absolute" });
  });

  it('reads --mount, leaving the CLI its own errors', () => {
    expect(parseMountFlag('type=volume,src=mv1,dst=/m')).toMatchObject({
      kind: 'volume',
      name: 'mv1',
      target: '/m',
    });
    expect(parseMountFlag('type=tmpfs,dst=/m,tmpfs-mode=1770')).toMatchObject({
      kind: 'tmpfs',
      mode: 0o1770,
    });
    expect(parseMountFlag('type=volume,dst=/m,readonly')).toEqual({
      error:
        'invalid mount config for type "volume": must not set ReadOnly mode when using anonymous volumes',
    });
    expect(parseMountFlag('type=foo,dst=/m')).toEqual({
      error: 'invalid mount config for type "foo": mount type unknown',
    });
    expect(parseMountFlag('type=volume,bogus=1,dst=/m')).toEqual({
      error: "unexpected key 'bogus' in 'bogus=1'",
      cli: true,
    });
  });

  it('counts identical flags once and refuses two mounts on one path', () => {
    expect(combineMounts(requests('yy:/data', 'yy:/data'))).toHaveLength(1);
    expect(combineMounts(requests('yy:/data', 'zz:/data'))).toEqual({
      error: 'Duplicate mount point: /data',
    });
    // An anonymous volume yields to a named mount on its path.
    expect(combineMounts(requests('/data', 'yy:/data'))).toMatchObject([{ name: 'yy' }]);
  });
});

describe('volumes in a container (F4, T24)', () => {
  it('T24: the volume holds the changes; the upper only the new mount point', () => {
    let { world, c } = started(['myvol:/data', '/anon']);
    ({ world, c } = inside(world, c, (fs) => {
      fs.writeFile(P('/data/a.txt'), 'z\n', { append: false });
      fs.writeFile(P('/data/c.txt'), 'more\n', { append: true });
      fs.unlink(P('/data/sub/b.txt'));
      fs.writeFile(P('/anon/z'), 'z\n', { append: false });
    }));
    expect(dumpUpper(c)).toEqual(['anon/']);
    expect(diffOf(world, c)).toEqual(['A /anon']);
    expect(tree(world, 'myvol')).toEqual(['/a.txt "z\\n"', '/c.txt "c\\nmore\\n"', '/sub/']);
    const anon = c.mounts[1]!.volume;
    expect(anon).toMatch(/^[0-9a-f]{64}$/);
    expect(tree(world, anon)).toEqual(['/z "z\\n"']);
  });

  it('fills a new volume on first start only, keeping file times and giving filled dirs the copy time', () => {
    const { world } = started(['vv:/data', 'ee:/tmp']);
    const vol = world.volumes.get('vv')!;
    const sub = vol.tree.root.children.get('sub');
    expect(sub?.kind === 'dir' && sub.mtime).toBe(world.clock);
    expect(vol.tree.root.children.get('a.txt')?.mtime).toBe(1700000000);
    // /tmp is empty in the image: the volume root keeps its mode 1777 and its time.
    expect(world.volumes.get('ee')!.tree.root).toMatchObject({ mode: 0o1777, mtime: 1700000000 });
  });

  it('does not refill an emptied volume when the same container starts again, but a new one does', () => {
    let { world, c } = started(['vv:/data']);
    ({ world, c } = inside(world, c, (fs) => {
      for (const f of ['/data/a.txt', '/data/c.txt', '/data/sub/b.txt']) fs.unlink(P(f));
      fs.rmdir(P('/data/sub'));
    }));
    const again = prepareMounts(world, c);
    if ('error' in again) throw new Error(again.error);
    expect(tree(again.world, 'vv')).toEqual([]);
    const other = started(['vv:/data'], { world: again.world });
    expect(tree(other.world, 'vv')).toEqual(['/a.txt "a\\n"', '/c.txt "c\\n"', '/sub/', '/sub/b.txt "b\\n"']);
  });

  it('makes missing mount points mkdir -p style, parents copied up (C /opt, C /opt/app)', () => {
    const { world, c } = started(['v3:/opt/app/new', 'v4:/x/y', '/opt/gone/x']);
    expect(dumpUpper(c)).toEqual([
      'opt/',
      'opt/app/',
      'opt/app/new/',
      'opt/gone/',
      'opt/gone/x/',
      'x/',
      'x/y/',
    ]);
    expect(diffOf(world, c)).toEqual([
      'C /opt',
      'C /opt/app',
      'A /opt/app/new',
      'A /opt/gone',
      'A /opt/gone/x',
      'A /x',
      'A /x/y',
    ]);
  });

  it('makes a mount point inside a volume in the volume, not in the upper', () => {
    const { world, c } = started(['vv:/data', 'ww:/data/inner']);
    expect(dumpUpper(c)).toEqual([]);
    expect(tree(world, 'vv')).toContain('/inner/');
  });

  it('refuses, at create, a volume over a file or below one', () => {
    const [w0, image] = addImage(emptyWorld(), { ref: 'base:2', layers: BASE2_LAYERS });
    const make = (flag: string): string | null => {
      const [w, c] = createContainer(w0, {
        image,
        imageRef: 'base:2',
        command: ['sleep', 'infinity'],
        autoRemove: false,
        mounts: requests(flag),
      });
      return checkMountTargets(w, c)?.replace(/overlay2\/[0-9a-f]{64}/, 'overlay2/ID') ?? null;
    };
    expect(make('xx:/etc/config')).toBe(
      'source /var/lib/docker/overlay2/ID/merged/etc/config is not directory',
    );
    expect(make('/etc/config')).toBe(
      'cannot mount volume over existing file, file exists /var/lib/docker/overlay2/ID/merged/etc/config',
    );
    expect(make('/etc/config/x')).toBe(
      'lstat /var/lib/docker/overlay2/ID/merged/etc/config/x: not a directory',
    );
  });
});

describe('tmpfs and --read-only', () => {
  it('gives a tmpfs the mode of the dir beneath, 1777 on a new mount point, mode= above both', () => {
    const { world, c } = started(['tmpfs:/root', 'tmpfs:/tt', 'tmpfs:/m:mode=700']);
    expect(c.tmpfs.map((t) => t.tree.root.mode)).toEqual([0o700, 0o1777, 0o700]);
    // The new mount points are made in the upper, as runc makes them (A /tt).
    expect(diffOf(world, c)).toEqual(['A /m', 'A /tt']);
  });

  it('keeps tmpfs writes out of the upper', () => {
    let { world, c } = started(['tmpfs:/data']);
    ({ world, c } = inside(world, c, (fs) => fs.writeFile(P('/data/f'), 'x\n', { append: false })));
    expect(dumpUpper(c)).toEqual([]);
    expect([...c.tmpfs[0]!.tree.root.children.keys()]).toEqual(['f']);
    expect(diffOf(world, c)).toEqual([]);
  });

  it('refuses writes to the rootfs and /etc/hosts, not to volumes, tmpfs or /dev', () => {
    const { world, c } = started(['/anon', 'tmpfs:/tt'], { readOnly: true });
    const fs = new NamespaceFs(containerNamespace(world, c), world.clock + 1);
    const w = (p: string) => fs.writeFile(P(p), 'x', { append: false });
    expect(w('/x')).toEqual({ ok: false, errno: 'EROFS' });
    expect(w('/etc/config')).toEqual({ ok: false, errno: 'EROFS' });
    expect(w('/etc/hosts')).toEqual({ ok: false, errno: 'EROFS' });
    expect(fs.mkdir(P('/data'))).toEqual({ ok: false, errno: 'EEXIST' });
    for (const p of ['/anon/ok', '/tt/ok', '/dev/shm/ok', '/dev/null'])
      expect(w(p)).toEqual({ ok: true, value: undefined });
    const mounts = fs.readFile(P('/proc/mounts'));
    expect(mounts.ok && mounts.value.split('\n')[0]).toMatch(/^overlay \/ overlay ro,/);
  });
});
