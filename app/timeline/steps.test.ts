import { describe, expect, it } from 'vitest';
import { DEMO_IMAGE } from '../engine/catalog/demo.ts';
import type { LayerId } from '../engine/ids.ts';
import { stackContext } from './context.ts';
import type { Step } from './step.ts';
import { stepsFor } from './steps.ts';
import { DemoContainer } from './testing/demo-container.ts';

/** A step's highlights as `band:path:mark`, bands named upper, init, L1 (the base) … L3, merged, work. */
function marks(c: DemoContainer, step: Step | undefined): string[] {
  const names = new Map<LayerId, string>([
    [c.upper, 'upper'],
    [c.init, 'init'],
    ...c.imageLayers.map((l, i): [LayerId, string] => [l, `L${i + 1}`]),
  ]);
  return (step?.highlights ?? []).map((h) => {
    const band = h.at.band === 'layer' ? (names.get(h.at.layer) ?? h.at.layer) : h.at.band;
    return `${band}:${h.path}:${h.mark}`;
  });
}
const kinds = (steps: readonly Step[]): string[] => steps.map((s) => s.kind);
const demoFile = (layer: number, path: string): string => {
  const e = DEMO_IMAGE.layers[layer - 1]!.find((x) => x.path === path);
  if (e?.type !== 'file') throw new Error(`no file ${path} in layer ${layer}`);
  return e.content ?? '';
};

describe('a lookup falling through to a lower layer', () => {
  const c = new DemoContainer();
  const { steps } = c.run('cat /etc/app/mime.types');

  it('descends from the merged view through the upper, init and layer 3 to the hit in layer 2', () => {
    expect(kinds(steps)).toEqual(['lookup', 'lookup-result']);
    expect(marks(c, steps[0])).toEqual([
      'merged:/etc/app/mime.types:probe',
      'upper:/etc/app/mime.types:miss',
      'init:/etc/app/mime.types:miss',
      'L3:/etc/app/mime.types:miss',
      'L2:/etc/app/mime.types:hit',
    ]);
    expect(steps[0]!.text).toBe(
      'Looking up /etc/app/mime.types from the top down: not in the upper, the init layer or layer 3, found in layer 2.',
    );
  });

  it('lights up the answering layer, darkens the one below and shows the bytes read', () => {
    expect(marks(c, steps[1])).toEqual([
      'merged:/etc/app/mime.types:hit',
      'L2:/etc/app/mime.types:hit',
      'L1:/etc/app/mime.types:hidden',
    ]);
    const size = demoFile(2, '/etc/app/mime.types').length;
    expect(steps[1]!.bytes).toBe(size);
    expect(steps[1]!.text).toBe(
      `Layer 2 answers for /etc/app/mime.types (${size} bytes read); layer 1 below is never looked at.`,
    );
  });

  it('focuses the directory that holds the path', () => {
    expect(steps.map((s) => s.focusDir)).toEqual(['/etc/app', '/etc/app']);
  });
});

describe('a lookup stopped by a whiteout', () => {
  const c = new DemoContainer();
  const { steps, result } = c.run('cat /srv/www/old-banner.txt');

  it('stops at the whiteout layer 3 holds and never looks at layers 2 and 1', () => {
    expect(result.exitCode).toBe(1);
    expect(kinds(steps)).toEqual(['lookup', 'lookup-result']);
    expect(marks(c, steps[0])).toEqual([
      'merged:/srv/www/old-banner.txt:probe',
      'upper:/srv/www/old-banner.txt:miss',
      'init:/srv/www/old-banner.txt:miss',
      'L3:/srv/www/old-banner.txt:stop',
    ]);
    expect(marks(c, steps[1])).toEqual([
      'L3:/srv/www/old-banner.txt:stop',
      'L2:/srv/www/old-banner.txt:hidden',
      'L1:/srv/www/old-banner.txt:hidden',
    ]);
  });

  it('says the file does not exist, though layer 2 still holds it', () => {
    expect(steps[1]!.text).toBe(
      'The whiteout in layer 3 stops the lookup: /srv/www/old-banner.txt does not exist, and layer 2 and layer 1 below are never looked at.',
    );
  });
});

describe('appending to a lower file', () => {
  const c = new DemoContainer();
  const { steps } = c.run('echo hi >> /etc/app/app.conf');
  const size = demoFile(3, '/etc/app/app.conf').length;

  it('copies up the parents, then the file through WorkDir, then writes', () => {
    expect(kinds(steps)).toEqual(['copy-up-parents', 'copy-up-prepare', 'copy-up-move', 'write']);
  });

  it('copies the parent directories in one step that moves no file data', () => {
    expect(steps[0]!.bytes).toBe(0);
    expect(marks(c, steps[0])).toEqual([
      'init:/etc:source',
      'upper:/etc:copy',
      'L3:/etc/app:source',
      'upper:/etc/app:copy',
    ]);
    expect(steps[0]!.text).toMatch(
      /^Parent directories first: \/etc and \/etc\/app are copied up into the upper/,
    );
  });

  it('copies the whole file, every byte of it, for a 3-byte append', () => {
    expect(steps[1]!.bytes).toBe(size);
    expect(steps[1]!.text).toBe(
      `Copy-up: the whole file /etc/app/app.conf (${size} bytes) is copied from layer 3 into WorkDir, though only 3 bytes are appended.`,
    );
    expect(marks(c, steps[1])).toEqual(['L3:/etc/app/app.conf:source', 'work:/etc/app/app.conf:copy']);
  });

  it('moves the copy into the upper and leaves the original untouched', () => {
    expect(marks(c, steps[2])).toEqual(['upper:/etc/app/app.conf:copy', 'L3:/etc/app/app.conf:source']);
    expect(steps[2]!.text).toContain('the original in layer 3 stays untouched');
  });

  it('writes the 3 bytes to the copy in the upper', () => {
    expect(steps[3]!.bytes).toBe(3);
    expect(marks(c, steps[3])).toEqual(['upper:/etc/app/app.conf:changed']);
    expect(steps[3]!.text).toBe('3 bytes are appended to the copy of /etc/app/app.conf in the upper.');
  });

  it('needs no second copy-up to append again', () => {
    expect(kinds(c.run('echo more >> /etc/app/app.conf').steps)).toEqual(['write']);
  });
});

describe('chmod of a lower file', () => {
  const c = new DemoContainer();
  const { steps } = c.run('chmod 600 /srv/www/style.css');
  const size = demoFile(2, '/srv/www/style.css').length;

  it('copies the whole file for a metadata change', () => {
    expect(kinds(steps)).toEqual([
      'lookup',
      'lookup-result',
      'copy-up-parents',
      'copy-up-prepare',
      'copy-up-move',
      'metadata',
    ]);
    const prepare = steps[3]!;
    expect(prepare.bytes).toBe(size);
    expect(prepare.text).toBe(
      `Copy-up: the whole file /srv/www/style.css (${size} bytes) is copied from layer 2 into WorkDir, though only its mode changes.`,
    );
  });

  it('sets the mode on the copy and keeps the original as it was', () => {
    expect(steps[5]!.text).toBe(
      'The copy of /srv/www/style.css in the upper gets mode 0600; the original in layer 2 keeps its own.',
    );
    expect(marks(c, steps[5])).toEqual(['upper:/srv/www/style.css:changed']);
  });
});

describe('touch of a lower file', () => {
  it('copies the whole file though only its timestamps change', () => {
    const c = new DemoContainer();
    const { steps } = c.run('touch /etc/passwd');
    expect(kinds(steps)).toEqual(['copy-up-parents', 'copy-up-prepare', 'copy-up-move', 'metadata']);
    expect(steps[1]!.bytes).toBe(demoFile(1, '/etc/passwd').length);
    expect(steps[1]!.text).toContain('though only its timestamps change');
  });
});

describe('rm of a lower file', () => {
  const c = new DemoContainer();
  const { steps } = c.run('rm /srv/www/index.html');

  it('leaves a whiteout in the upper that hides the file in layer 3', () => {
    expect(kinds(steps)).toEqual(['lookup', 'lookup-result', 'copy-up-parents', 'whiteout']);
    expect(marks(c, steps[3])).toEqual(['upper:/srv/www/index.html:new', 'L3:/srv/www/index.html:hidden']);
    expect(steps[3]!.text).toBe(
      '/srv/www/index.html is in layer 3, which is read-only, so the upper gets a whiteout in its place: lookups stop there, and the original stays, hidden.',
    );
  });

  it('then finds the whiteout in the upper', () => {
    const again = c.run('cat /srv/www/index.html').steps;
    expect(marks(c, again[0])).toEqual([
      'merged:/srv/www/index.html:probe',
      'upper:/srv/www/index.html:stop',
    ]);
    expect(again[1]!.text).toMatch(/^The whiteout in the upper stops the lookup/);
  });
});

describe('rm of a file only the upper holds', () => {
  it('is a plain removal with no whiteout', () => {
    const c = new DemoContainer();
    c.run('echo x > /tmp/mine');
    const { steps } = c.run('rm /tmp/mine');
    expect(kinds(steps)).toEqual(['lookup', 'lookup-result', 'remove']);
    expect(steps[2]!.text).toBe(
      '/tmp/mine exists only in the upper, so it is simply deleted: no whiteout is needed.',
    );
  });
});

describe('rm -r of a lower dir, then mkdir', () => {
  const c = new DemoContainer();
  const rm = c.run('rm -r /etc/app').steps;
  const mkdir = c.run('mkdir /etc/app').steps;

  it('leaves one whiteout for the directory and none for its entries', () => {
    expect(kinds(rm)).toEqual(['lookup', 'lookup-result', 'copy-up-parents', 'whiteout']);
    // /etc is a real parent copy-up; /etc/app only held the children's whiteouts for a moment.
    expect(marks(c, rm[2])).toEqual(['init:/etc:source', 'upper:/etc:copy']);
  });

  it('hides the directory in every layer that merged it, not only the top one', () => {
    // /etc/app is a directory in layer 3 (app.conf) and layer 2 (app.conf, mime.types): the merged
    // view showed both, so the one whiteout hides both (B1, C6).
    expect(marks(c, rm[3])).toEqual(['upper:/etc/app:new', 'L3:/etc/app:hidden', 'L2:/etc/app:hidden']);
    expect(rm[3]!.text).toBe(
      'Deleting the directory /etc/app and everything in it leaves a single whiteout at /etc/app in the upper, none for the 2 entries inside; the directories in layer 3 and layer 2 stay, hidden.',
    );
  });

  it('makes the new directory opaque where the whiteout was', () => {
    expect(kinds(mkdir)).toEqual(['opaque']);
    expect(marks(c, mkdir[0])).toEqual(['upper:/etc/app:stop']);
    expect(mkdir[0]!.text).toContain('marked opaque (trusted.overlay.opaque=y)');
    expect(mkdir[0]!.text).toContain('nothing of the old /etc/app in the layers below shows through');
  });

  it('counts every entry of a deeper tree in the one whiteout', () => {
    const d = new DemoContainer();
    const steps = d.run('rm -r /usr/lib').steps;
    expect(steps.filter((s) => s.kind === 'whiteout')).toHaveLength(1);
    expect(steps.at(-1)!.text).toContain('none for the 3 entries inside');
  });
});

describe('rm -r of a directory only the upper holds', () => {
  it('is one plain removal of the directory and what it holds', () => {
    const c = new DemoContainer();
    const { steps } = c.run('mkdir -p /n/d && echo x > /n/d/f && rm -r /n');
    expect(kinds(steps).slice(-1)).toEqual(['remove']);
    expect(steps.filter((s) => s.kind === 'remove')).toHaveLength(1);
    expect(steps.at(-1)!.text).toBe(
      '/n and the 2 entries inside it exist only in the upper, so they are simply deleted: no whiteout is needed.',
    );
  });
});

describe('mv of a lower dir', () => {
  const c = new DemoContainer();
  const { steps } = c.run('mv /usr/local /usr/local2');
  const from = kinds(steps).indexOf('exdev');

  it('fails with EXDEV, then copies, then deletes with one whiteout', () => {
    expect(from).toBeGreaterThan(0);
    expect(kinds(steps).slice(from)).toEqual(['exdev', 'copy-up-parents', 'create', 'whiteout']);
    expect(steps[from]!.text).toMatch(/^rename\(2\) of \/usr\/local to \/usr\/local2 fails with EXDEV/);
    expect(steps[from]!.text).toContain('mv falls back to copying and deleting');
  });

  it('copies the tree as fresh entries with their bytes', () => {
    const copy = steps[from + 2]!;
    const serve = demoFile(2, '/usr/local/bin/serve').length;
    expect(copy.bytes).toBe(serve);
    expect(copy.text).toBe(
      `mv copies /usr/local to /usr/local2 entry by entry: 2 directories and 1 file (${serve} bytes) are created in the upper as new copies.`,
    );
    expect(marks(c, copy)).toEqual(['upper:/usr/local2:new', 'merged:/usr/local:source']);
  });

  it('deletes the original with a single whiteout', () => {
    const wo = steps[from + 3]!;
    expect(marks(c, wo)).toEqual(['upper:/usr/local:new', 'L2:/usr/local:hidden']);
    expect(wo.text).toBe(
      'mv then deletes the original: a single whiteout at /usr/local in the upper hides the directory in layer 2 and any layer below.',
    );
  });
});

describe('mv of a lower file', () => {
  it('copies it up, renames the copy and leaves a whiteout at the old name', () => {
    const c = new DemoContainer();
    const { steps } = c.run('mv /etc/shells /etc/shells2');
    expect(kinds(steps).slice(-4)).toEqual(['copy-up-prepare', 'copy-up-move', 'rename', 'whiteout']);
    expect(steps.at(-4)!.text).toContain('so that it can be renamed');
    expect(steps.at(-2)!.text).toBe('The copy of /etc/shells is renamed to /etc/shells2 inside the upper.');
  });
});

describe('sed -i of a lower file', () => {
  const c = new DemoContainer();
  const { steps } = c.run('sed -i s/8080/8081/ /etc/app/app.conf');

  it('shows the repeated lookups of the file once', () => {
    expect(steps.filter((s) => s.kind === 'lookup')).toHaveLength(1);
  });

  it('renames its temporary file over the name, hiding layer 3’s copy', () => {
    const rename = steps.find((s) => s.kind === 'rename')!;
    expect(rename.text).toMatch(
      / is renamed to \/etc\/app\/app\.conf inside the upper, where it hides the old \/etc\/app\/app\.conf in layer 3\.$/,
    );
  });
});

describe('creating a file', () => {
  it('is one step with the bytes written', () => {
    const c = new DemoContainer();
    const { steps } = c.run('echo hello > /tmp/new.txt');
    expect(kinds(steps)).toEqual(['copy-up-parents', 'create']);
    expect(steps[1]!.bytes).toBe(6);
    expect(steps[1]!.text).toBe(
      'A new file /tmp/new.txt is created in the upper and 6 bytes are written to it.',
    );
    expect(marks(c, steps[1])).toEqual(['upper:/tmp/new.txt:new']);
  });
});

describe('writes to /etc/hosts', () => {
  it('go to Docker’s bind mount, not the upper', () => {
    const c = new DemoContainer();
    const { steps } = c.run('echo "10.0.0.1 db" >> /etc/hosts');
    expect(kinds(steps)).toEqual(['elsewhere']);
    expect(steps[0]!.text).toBe(
      '/etc/hosts is a file Docker bind-mounts into the container, so the write goes there and never reaches the upper.',
    );
  });
});

describe('writes under a volume', () => {
  it('go sideways into the volume', () => {
    const c = new DemoContainer('-v vol:/data');
    const { steps } = c.run('echo x > /data/x');
    expect(kinds(steps)).toEqual(['elsewhere']);
    expect(steps[0]!.text).toBe(
      '/data/x is in the volume vol, so the write goes sideways into the volume, not into the upper.',
    );
  });
});

describe('docker commit', () => {
  const c = new DemoContainer();
  c.run('echo hi >> /etc/app/app.conf');
  c.exit();
  const { steps, result } = c.run('docker commit web mine');
  const image = c.image('mine:latest');
  const w = c.session.world;
  const top = w.layers.get(image.chain[image.chain.length - 1]!)!;
  const committed = result.events.find((e) => e.type === 'layer-committed')!;

  it('freezes the upper, serializes it, hashes it and stacks it as the new top layer', () => {
    expect(kinds(steps)).toEqual([
      'commit-freeze',
      'commit-tar',
      'commit-hash',
      'commit-layer',
      'image-created',
    ]);
    expect(marks(c, steps[0])).toEqual(['upper:/:source']);
    expect(steps[0]!.text).toBe(
      'docker commit pauses web and freezes its upper: only the upper is taken, not the init layer.',
    );
  });

  it('shows the tar’s bytes and how whiteouts and opaque dirs are written', () => {
    expect(committed.type === 'layer-committed' && steps[1]!.bytes === committed.bytes).toBe(true);
    expect(steps[1]!.text).toContain('each whiteout becomes an empty .wh.<name> file');
    expect(steps[1]!.text).toContain('.wh..wh..opq');
  });

  it('shows the diff ID the hash gives', () => {
    expect(steps[2]!.detail).toBe(top.diffId);
    expect(steps[2]!.text).toBe(
      `The SHA-256 digest of that tar becomes the layer's diff ID: ${top.diffId.slice(0, 19)}…`,
    );
  });

  it('stacks the new layer as layer 4 and names the new image', () => {
    expect(steps[3]!.highlights).toEqual([
      { at: { band: 'layer', layer: top.layer.id }, path: '/', mark: 'new' },
    ]);
    expect(steps[3]!.bytes).toBe(top.size);
    expect(steps[3]!.text).toContain('as layer 4');
    expect(steps[4]!.detail).toBe(image.id);
    expect(steps[4]!.text).toMatch(
      /^The new image mine:latest \(ID [0-9a-f]{12}\) is its parent's layers plus this one/,
    );
  });
});

describe('docker commit of an untouched container', () => {
  it('adds no layer: the tar is empty', () => {
    const c = new DemoContainer();
    c.exit();
    const { steps } = c.run('docker commit web same');
    expect(kinds(steps)).toEqual(['image-created']);
    expect(steps[0]!.text).toMatch(/^The tar is empty, so no layer is added/);
  });
});

describe('commands with no engine events', () => {
  it('get no steps', () => {
    const c = new DemoContainer();
    expect(c.run('true').steps).toEqual([]);
    expect(c.run('echo hello').steps).toEqual([]);
    c.exit();
    expect(c.run('docker ps').steps).toEqual([]);
  });
});

describe('the layer names', () => {
  it('still say upper and init for a container removed by the same line (docker run --rm)', () => {
    const c = new DemoContainer();
    c.exit();
    const { steps } = c.run('docker run --rm demo cat /etc/passwd');
    expect(steps[0]!.text).toBe(
      'Looking up /etc/passwd from the top down: not in the upper, the init layer, layer 3 or layer 2, found in layer 1.',
    );
  });

  it('come from the context, but for the upper and init layer when the context does not say which upper', () => {
    const c = new DemoContainer();
    const { result } = c.run('cat /etc/app/mime.types');
    const full = stackContext(c.session.world, c.id);
    const steps = stepsFor(
      { line: 'cat', events: result.events },
      { layerName: (id) => full.layerName(id).toUpperCase() },
    );
    expect(steps[0]!.text).toContain('not in the upper, the init layer or LAYER 3, found in LAYER 2');
    const told = stepsFor(
      { line: 'cat', events: result.events },
      { layerName: (id) => full.layerName(id).toUpperCase(), upper: c.upper },
    );
    expect(told[0]!.text).toContain('not in THE UPPER, THE INIT LAYER or LAYER 3, found in LAYER 2');
  });
});

describe('every highlight', () => {
  it('points at the merged view, WorkDir or a layer of the container', () => {
    const c = new DemoContainer();
    const lines = [
      'cat /etc/app/app.conf',
      'echo hi >> /etc/app/app.conf',
      'chmod 700 /srv',
      'rm -r /etc/app && mkdir /etc/app',
      'mv /usr/local /usr/local2',
      'ln -s /x /tmp/l && ln /etc/group /tmp/g && rm /tmp/l',
      'truncate -s 0 /etc/debian_version',
    ];
    const known = new Set<string>([c.upper, c.init, ...c.imageLayers]);
    for (const line of lines) {
      const { steps } = c.run(line);
      expect(steps.length).toBeGreaterThan(0);
      for (const s of steps) {
        expect(s.text).toMatch(/^[^\s].*[.…]$/);
        for (const h of s.highlights) if (h.at.band === 'layer') expect(known.has(h.at.layer)).toBe(true);
      }
    }
  });
});

describe('a lookup repeated by several syscalls of one command', () => {
  it('is told once, with the bytes the read took', () => {
    const c = new DemoContainer();
    const { steps, result } = c.run('cp /etc/group /tmp/group');
    expect(
      result.events.filter((e) => e.type === 'lookup' && e.path === '/etc/group').length,
    ).toBeGreaterThan(1);
    const told = steps.filter((s) => s.kind === 'lookup' && s.highlights[0]!.path === '/etc/group');
    expect(told).toHaveLength(1);
    expect(steps[steps.indexOf(told[0]!) + 1]!.bytes).toBe(demoFile(1, '/etc/group').length);
  });

  it('is not told for a path the line itself just made', () => {
    const c = new DemoContainer();
    const { steps } = c.run('mkdir -p /new/deep/dir && echo x > /new/deep/dir/f');
    expect(kinds(steps)).toEqual(['create', 'create', 'create', 'create']);
  });
});

describe('copying a whole directory tree into the upper', () => {
  it('is one step with what was made beneath it and the bytes written', () => {
    const c = new DemoContainer();
    const { steps } = c.run('cp -r /usr/bin /tmp/bin');
    const tree = steps.filter((s) => s.kind === 'create');
    expect(tree).toHaveLength(1);
    expect(tree[0]!.text).toMatch(
      /^A new directory \/tmp\/bin is created in the upper with 22 files and 1 symlink inside it \(\d+ bytes written\)\.$/,
    );
    expect(steps.at(-1)).toBe(tree[0]);
  });

  it('still tells a lookup that follows the copy', () => {
    const c = new DemoContainer();
    const { steps } = c.run('cp -r /usr/bin /tmp/bin && cat /etc/group');
    expect(kinds(steps).slice(-3)).toEqual(['create', 'lookup', 'lookup-result']);
  });
});

describe('docker load', () => {
  it('tells the image as stored over the layers it registered, not as an empty commit', () => {
    const d = (c: string): `sha256:${string}` => `sha256:${c.repeat(64)}`;
    const steps = stepsFor(
      {
        line: 'docker load -i /root/a.tar',
        events: [
          { type: 'layer-pulled', chainId: d('a'), diffId: d('a'), size: 10, existed: true, loaded: true },
          { type: 'layer-pulled', chainId: d('b'), diffId: d('b'), size: 20, existed: false, loaded: true },
          { type: 'image-created', id: d('c'), ref: 'mine:1' },
          { type: 'layer-pulled', chainId: d('a'), diffId: d('a'), size: 10, existed: true, loaded: true },
          { type: 'image-created', id: d('e'), ref: 'base:1' },
        ],
      },
      { layerName: (id) => id },
    );
    expect(kinds(steps)).toEqual([
      'pull-layer',
      'pull-layer',
      'image-created',
      'pull-layer',
      'image-created',
    ]);
    expect(steps[2]!.text).toBe(
      'The image mine:1 (ID cccccccccccc) is stored: its config, under the digest of its bytes, names its 2 layers ' +
        'bottom first, and a container run from it starts with a fresh, empty upper on top.',
    );
    expect(steps[4]!.text).toContain('names its 1 layer bottom first');
    expect(steps[1]!.text).toBe(
      'Loading layer sha256:bbbbbbbbbbbb… (20 bytes): its diff ID checked, it is unpacked into its own directory ' +
        'and stacked on the layer below it.',
    );
    expect(steps[0]!.text).toContain('in the layer store already');
    expect(steps.filter((s) => s.kind === 'pull-layer').every((s) => s.loaded)).toBe(true);
    expect(steps.map((s) => s.text).join(' ')).not.toContain('tar is empty');
  });
});
