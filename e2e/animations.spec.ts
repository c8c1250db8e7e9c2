import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { Bands } from './pages/stack.ts';
import { StackPage } from './pages/stack.ts';
import { TerminalPage } from './pages/terminal.ts';

/**
 * Issue #4: each animation as a person sees it, step by step. Commands play at speed Instant (so
 * the stack lands on the last step at once), then Step back / Step forward walk through the steps,
 * and each step's narration (role=status) and marks (the "Highlighted on the stack" list) are read.
 * The `demo` image: layer 1 (base), layer 2 (app: /etc/app/app.conf, mime.types), layer 3 (tweak:
 * a new app.conf). One test at the end plays at real speed.
 */

/** A mark as the highlight list words it: "Upper 8f3d5774d76c: /etc/app/app.conf — copy". */
const mark = (band: string, path: string, word: string): string =>
  `${band}: ${path === '/' ? 'the whole layer' : path} — ${word}`;

interface Expected {
  /** A stable fragment of the step's sentence (app/timeline/narrate.ts). */
  readonly says: string;
  /** The step's marks, all of them, in order. */
  readonly marks: readonly string[];
  /** What the byte badge beside the sentence reads, e.g. "(47 B)". */
  readonly bytes?: string;
}

/** The command just typed has exactly these steps: walk them from the first and read each. */
async function walk(stack: StackPage, steps: readonly Expected[]): Promise<void> {
  const n = steps.length;
  await expect(stack.count).toHaveText(`Step ${n} of ${n}`);
  await stack.rewind();
  for (const [i, s] of steps.entries()) {
    await test.step(`step ${i + 1} of ${n}: ${s.says}`, async () => {
      await expect(stack.count).toHaveText(`Step ${i + 1} of ${n}`);
      await expect(stack.status).toContainText(s.says);
      await expect(stack.highlights).toHaveText([...s.marks]);
      if (s.bytes !== undefined) await expect(stack.status).toContainText(s.bytes);
    });
    if (i < n - 1) await stack.stepForward.click();
  }
}

interface Ctx {
  readonly t: TerminalPage;
  readonly stack: StackPage;
  readonly b: Bands;
}

/** The page at speed Instant with `docker run -d --name web demo` and a shell in it. */
async function inWeb(page: Page, name = 'web'): Promise<Ctx> {
  const t = new TerminalPage(page);
  const stack = new StackPage(page);
  await t.goto();
  await stack.instant();
  await t.run(`docker run -d --name ${name} demo`);
  await t.run(`docker exec -it ${name} sh`);
  await expect(stack.bands('Image layer')).toHaveCount(3);
  return { t, stack, b: await stack.bandNames() };
}

/** The parents step every write under /etc/app starts with (C2): /etc from init, /etc/app from layer 3. */
const etcAppParents = (b: Bands): Expected => ({
  says: 'Parent directories first: /etc and /etc/app are copied up into the upper as directories only',
  marks: [
    mark(b.init, '/etc', 'original, untouched'),
    mark(b.upper, '/etc', 'copy'),
    mark(b.images[0]!, '/etc/app', 'original, untouched'),
    mark(b.upper, '/etc/app', 'copy'),
  ],
});

const CONF = '/etc/app/app.conf';

test.describe('animations, step by step', () => {
  test('lookup: the probe passes the upper and init, layer 3 answers, the content is printed', async ({
    page,
  }) => {
    const { t, stack, b } = await inWeb(page);
    const [l3, l2, l1] = b.images;
    const entry = await t.run(`cat ${CONF}`);
    expect(await t.outputOf(entry)).toContain('listen 8080;');
    await walk(stack, [
      {
        says: `Looking up ${CONF} from the top down: not in the upper or the init layer, found in layer 3.`,
        marks: [
          mark(b.merged, CONF, 'looking'),
          mark(b.upper, CONF, 'not here'),
          mark(b.init, CONF, 'not here'),
          mark(l3!, CONF, 'found'),
        ],
      },
      {
        says: `Layer 3 answers for ${CONF} (47 bytes read); layer 2 and layer 1 below are never looked at.`,
        marks: [
          mark(b.merged, CONF, 'found'),
          mark(l3!, CONF, 'found'),
          mark(l2!, CONF, 'hidden below the stop'),
          mark(l1!, CONF, 'hidden below the stop'),
        ],
        bytes: '(47 B)',
      },
    ]);
  });

  test('lookup stopped by a whiteout: cat of a deleted lower file finds nothing', async ({ page }) => {
    const { t, stack, b } = await inWeb(page);
    await t.run(`rm ${CONF}`);
    const entry = await t.run(`cat ${CONF}`);
    await expect(t.stderrOf(entry)).toHaveText(`cat: ${CONF}: No such file or directory`);
    await walk(stack, [
      {
        says: `Looking up ${CONF} from the top down: a whiteout in the upper.`,
        marks: [mark(b.merged, CONF, 'looking'), mark(b.upper, CONF, 'stops the lookup')],
      },
      {
        says:
          `The whiteout in the upper stops the lookup: ${CONF} does not exist, and the init layer, ` +
          'layer 3, layer 2 and layer 1 below are never looked at.',
        marks: [
          mark(b.upper, CONF, 'stops the lookup'),
          mark(b.init, CONF, 'hidden below the stop'),
          ...b.images.map((l) => mark(l, CONF, 'hidden below the stop')),
        ],
      },
    ]);
  });

  test('copy-up: parents first, the whole file into WorkDir, moved into the upper, then the write', async ({
    page,
  }) => {
    const { t, stack, b } = await inWeb(page);
    const l3 = b.images[0]!;
    await t.run(`echo hi >> ${CONF}`);
    await walk(stack, [
      etcAppParents(b),
      {
        says: `Copy-up: the whole file ${CONF} (47 bytes) is copied from layer 3 into WorkDir, though only 3 bytes are appended.`,
        marks: [mark(l3, CONF, 'original, untouched'), mark('WorkDir', CONF, 'copy')],
        bytes: '(47 B)',
      },
      {
        says: `The finished copy is renamed from WorkDir into the upper in one step, so ${CONF} appears there whole; the original in layer 3 stays untouched.`,
        marks: [mark(b.upper, CONF, 'copy'), mark(l3, CONF, 'original, untouched')],
      },
      {
        says: `3 bytes are appended to the copy of ${CONF} in the upper.`,
        marks: [mark(b.upper, CONF, 'changed')],
        bytes: '(3 B)',
      },
    ]);
    // The stack looks at the file's directory, where the upper now holds the copy.
    await expect(stack.panel.getByRole('navigation', { name: 'Directory' })).toContainText('app');
    expect(await stack.tiles(stack.bands('Upper'))).toContain('app.conf: file');
    const cat = await t.run(`cat ${CONF}`);
    expect(await t.outputOf(cat)).toMatch(/}\nhi\n$/);
  });

  test('create: a new file is made in the upper after its parents', async ({ page }) => {
    const { t, stack, b } = await inWeb(page);
    await t.run('touch /etc/app/new.txt');
    await walk(stack, [
      etcAppParents(b),
      {
        says: 'A new empty file /etc/app/new.txt is created in the upper.',
        marks: [mark(b.upper, '/etc/app/new.txt', 'new')],
      },
    ]);
    expect(await stack.tiles(stack.bands('Upper'))).toContain('new.txt: file');
  });

  test('delete: rm of a lower file leaves a whiteout in the upper, the original hidden below', async ({
    page,
  }) => {
    const { t, stack, b } = await inWeb(page);
    const [l3, l2, l1] = b.images;
    const path = '/etc/app/mime.types';
    await t.run(`rm ${path}`);
    await walk(stack, [
      {
        says: `Looking up ${path} from the top down: not in the upper, the init layer or layer 3, found in layer 2.`,
        marks: [
          mark(b.merged, path, 'looking'),
          mark(b.upper, path, 'not here'),
          mark(b.init, path, 'not here'),
          mark(l3!, path, 'not here'),
          mark(l2!, path, 'found'),
        ],
      },
      {
        says: `Layer 2 answers for ${path}; layer 1 below is never looked at.`,
        marks: [
          mark(b.merged, path, 'found'),
          mark(l2!, path, 'found'),
          mark(l1!, path, 'hidden below the stop'),
        ],
      },
      etcAppParents(b),
      {
        says: `${path} is in layer 2, which is read-only, so the upper gets a whiteout in its place: lookups stop there, and the original stays, hidden.`,
        marks: [mark(b.upper, path, 'new'), mark(l2!, path, 'hidden below the stop')],
      },
    ]);
    expect(await stack.tiles(stack.bands('Upper'))).toContain('mime.types: whiteout');
    expect(await stack.tiles(stack.bands('Merged'))).not.toContain('mime.types: file');
  });

  test('rm -r of a lower directory: one whiteout, none for the entries inside', async ({ page }) => {
    const { t, stack, b } = await inWeb(page);
    const [l3, l2, l1] = b.images;
    await t.run('rm -r /etc/app');
    await walk(stack, [
      {
        says: 'Looking up /etc/app from the top down: not in the upper or the init layer, a directory in layer 3 and layer 2, not in layer 1.',
        marks: [
          mark(b.merged, '/etc/app', 'looking'),
          mark(b.upper, '/etc/app', 'not here'),
          mark(b.init, '/etc/app', 'not here'),
          mark(l3!, '/etc/app', 'found'),
          mark(l2!, '/etc/app', 'found'),
          mark(l1!, '/etc/app', 'not here'),
        ],
      },
      {
        says: '/etc/app is a directory in layer 3 and layer 2: the merged view lists the union of their entries.',
        marks: [
          mark(b.merged, '/etc/app', 'found'),
          mark(l3!, '/etc/app', 'found'),
          mark(l2!, '/etc/app', 'found'),
        ],
      },
      {
        says: 'Parent directory first: /etc is copied up into the upper as a directory only',
        marks: [mark(b.init, '/etc', 'original, untouched'), mark(b.upper, '/etc', 'copy')],
      },
      {
        says:
          'Deleting the directory /etc/app and everything in it leaves a single whiteout at /etc/app in the upper, ' +
          'none for the 2 entries inside; the directories in layer 3 and layer 2 stay, hidden.',
        marks: [
          mark(b.upper, '/etc/app', 'new'),
          mark(l3!, '/etc/app', 'hidden below the stop'),
          mark(l2!, '/etc/app', 'hidden below the stop'),
        ],
      },
    ]);
    expect(await stack.tiles(stack.bands('Upper'))).toEqual(['app: whiteout']);
  });

  test('rm -r then mkdir: the new directory replaces the whiteout and is opaque', async ({ page }) => {
    const { t, stack, b } = await inWeb(page);
    await t.run('rm -r /etc/app');
    await t.run('mkdir /etc/app');
    await walk(stack, [
      {
        says: 'The new directory /etc/app replaces the whiteout in the upper and is marked opaque (trusted.overlay.opaque=y)',
        marks: [mark(b.upper, '/etc/app', 'stops the lookup')],
      },
    ]);
    expect(await stack.tiles(stack.bands('Upper'))).toContain('app: opaque dir');
    const ls = await t.run('ls /etc/app');
    expect(await t.outputOf(ls)).toBe('');
  });

  test('mv of a lower directory: EXDEV, then a copy of every entry and one whiteout', async ({ page }) => {
    const { t, stack, b } = await inWeb(page);
    const l3 = b.images[0]!;
    await t.run('mv /etc/app /etc/app2');
    await walk(stack, [
      {
        says: 'Looking up /etc/app2 from the top down: not in the upper, the init layer, layer 3, layer 2 or layer 1.',
        marks: [
          mark(b.merged, '/etc/app2', 'looking'),
          mark(b.upper, '/etc/app2', 'not here'),
          mark(b.init, '/etc/app2', 'not here'),
          ...b.images.map((l) => mark(l, '/etc/app2', 'not here')),
        ],
      },
      {
        says: 'No layer holds /etc/app2, so it does not exist in the merged view.',
        marks: [mark(b.merged, '/etc/app2', 'not here')],
      },
      {
        says: 'rename(2) of /etc/app to /etc/app2 fails with EXDEV',
        marks: [mark(b.merged, '/etc/app', 'stops the lookup')],
      },
      {
        says: 'Parent directory first: /etc is copied up into the upper as a directory only',
        marks: [mark(b.init, '/etc', 'original, untouched'), mark(b.upper, '/etc', 'copy')],
      },
      {
        says: 'mv copies /etc/app to /etc/app2 entry by entry: 1 directory and 2 files (77 bytes) are created in the upper as new copies.',
        marks: [mark(b.upper, '/etc/app2', 'new'), mark(b.merged, '/etc/app', 'original, untouched')],
        bytes: '(77 B)',
      },
      {
        says: 'mv then deletes the original: a single whiteout at /etc/app in the upper hides the directory in layer 3 and any layer below.',
        marks: [mark(b.upper, '/etc/app', 'new'), mark(l3, '/etc/app', 'hidden below the stop')],
      },
    ]);
    const tiles = await stack.tiles(stack.bands('Upper'));
    expect(tiles).toContain('app: whiteout');
    expect(tiles).toContain('app2: dir');
  });

  test('chmod of a lower file: the whole file is copied for a change of mode', async ({ page }) => {
    const { t, stack, b } = await inWeb(page);
    const [l3, l2, l1] = b.images;
    await t.run(`chmod 600 ${CONF}`);
    await walk(stack, [
      {
        says: `Looking up ${CONF} from the top down: not in the upper or the init layer, found in layer 3.`,
        marks: [
          mark(b.merged, CONF, 'looking'),
          mark(b.upper, CONF, 'not here'),
          mark(b.init, CONF, 'not here'),
          mark(l3!, CONF, 'found'),
        ],
      },
      {
        says: `Layer 3 answers for ${CONF}; layer 2 and layer 1 below are never looked at.`,
        marks: [
          mark(b.merged, CONF, 'found'),
          mark(l3!, CONF, 'found'),
          mark(l2!, CONF, 'hidden below the stop'),
          mark(l1!, CONF, 'hidden below the stop'),
        ],
      },
      etcAppParents(b),
      {
        says: `Copy-up: the whole file ${CONF} (47 bytes) is copied from layer 3 into WorkDir, though only its mode changes.`,
        marks: [mark(l3!, CONF, 'original, untouched'), mark('WorkDir', CONF, 'copy')],
        bytes: '(47 B)',
      },
      {
        says: 'The finished copy is renamed from WorkDir into the upper in one step',
        marks: [mark(b.upper, CONF, 'copy'), mark(l3!, CONF, 'original, untouched')],
      },
      {
        says: `The copy of ${CONF} in the upper gets mode 0600; the original in layer 3 keeps its own.`,
        marks: [mark(b.upper, CONF, 'changed')],
      },
    ]);
  });

  test('docker diff: each line is one step, marked on the upper', async ({ page }) => {
    const { t, stack, b } = await inWeb(page);
    await t.run('echo hi >> /etc/app/app.conf');
    await t.run('touch /srv/new');
    await t.run('rm /srv/www/style.css');
    await t.run('exit');
    const entry = await t.run('docker diff web');
    expect(await t.outputOf(entry)).toBe(
      'C /etc\nC /etc/app\nC /etc/app/app.conf\nC /srv\nA /srv/new\nC /srv/www\nD /srv/www/style.css\n',
    );
    await walk(stack, [
      { says: 'C /etc: changed, because something beneath', marks: [mark(b.upper, '/etc', 'changed')] },
      {
        says: 'C /etc/app: changed, because something beneath',
        marks: [mark(b.upper, '/etc/app', 'changed')],
      },
      {
        says: 'C /etc/app/app.conf: changed — its type, mode, owner, size or modification time differs',
        marks: [mark(b.upper, CONF, 'changed')],
      },
      { says: 'C /srv: changed, because something beneath', marks: [mark(b.upper, '/srv', 'changed')] },
      { says: 'A /srv/new: added', marks: [mark(b.upper, '/srv/new', 'new')] },
      {
        says: 'C /srv/www: changed, because something beneath',
        marks: [mark(b.upper, '/srv/www', 'changed')],
      },
      {
        says: 'D /srv/www/style.css: deleted',
        marks: [mark(b.upper, '/srv/www/style.css', 'removed')],
      },
    ]);
  });

  test('docker commit: freeze, tar, digest, the new layer stacked, the new image listed', async ({
    page,
  }) => {
    const { t, stack, b } = await inWeb(page);
    await t.run('echo hi >> /etc/app/app.conf');
    await t.run('exit');
    const entry = await t.run('docker commit web snap');
    const imageId = /^sha256:([0-9a-f]{64})\n$/.exec(await t.outputOf(entry))?.[1];
    expect(imageId).toBeDefined();
    const frozen = [mark(b.upper, '/', 'original, untouched')];

    await expect(stack.count).toHaveText('Step 5 of 5');
    await stack.rewind();
    await expect(stack.status).toContainText(
      'docker commit pauses web and freezes its upper: only the upper is taken, not the init layer.',
    );
    await expect(stack.highlights).toHaveText(frozen);
    await expect(stack.newLayer()).toHaveCount(0);

    await stack.stepForward.click();
    await expect(stack.status).toContainText(/The upper is written out as a tar of [\d.]+ kB/);
    await expect(stack.status).toContainText(/\([\d.]+ kB\)/);
    await expect(stack.highlights).toHaveText(frozen);

    await stack.stepForward.click();
    await expect(stack.status).toContainText("The SHA-256 digest of that tar becomes the layer's diff ID");
    const digest = stack.status.locator('code');
    await expect(digest).toHaveText(/^\s*sha256:[0-9a-f]{64}$/);
    const diffId = ((await digest.textContent()) ?? '').trim().slice('sha256:'.length);
    await expect(stack.newLayer()).toHaveCount(0);

    await stack.stepForward.click();
    await expect(stack.count).toHaveText('Step 4 of 5');
    await expect(stack.status).toContainText("is stacked on top of the image's layers as layer 4");
    // The layer being stacked appears as a row of its own, named by its diff ID.
    await expect(stack.newLayer()).toHaveAccessibleName(
      `Image layer ${diffId.slice(0, 12)} (new, of snap:latest)`,
    );
    await expect(stack.bands('Image layer')).toHaveCount(4);
    await expect(stack.highlights).toHaveText([
      `Image layer ${diffId.slice(0, 12)} (new, of snap:latest): the whole layer — new`,
    ]);

    await stack.stepForward.click();
    await expect(stack.status).toContainText(
      `The new image snap:latest (ID ${imageId!.slice(0, 12)}) is its parent's layers plus this one`,
    );
    const images = t.panel('Images').getByRole('row', { name: /snap:latest/ });
    await expect(images).toHaveCount(1);
    await expect(images.getByRole('cell')).toHaveText(['snap:latest', imageId!.slice(0, 12), '4']);
  });

  test('docker run of the committed image: a fresh upper on one more image layer', async ({ page }) => {
    const { t, stack } = await inWeb(page);
    await t.run('echo hi >> /etc/app/app.conf');
    await t.run('exit');
    await t.run('docker commit web snap');
    await expect(stack.bands('Image layer')).toHaveCount(3);
    await t.run('docker run -d --name two snap');
    await expect(stack.bands('Merged')).toHaveAccessibleName(/^Merged [0-9a-f]{12} \(two\)$/);
    await expect(stack.bands('Image layer')).toHaveCount(4);
    const two = await stack.bandNames();
    await walk(stack, [
      {
        says: "Container two gets an init layer and a fresh, empty upper on top of snap's 4 read-only layers: nothing is copied.",
        marks: [mark(two.upper, '/', 'new'), mark(two.init, '/', 'new')],
      },
    ]);
    // The copy made in web is in the new image's top layer, not in two's upper.
    expect(await stack.tiles(stack.bands('Upper'))).toEqual([]);
    expect(await stack.tiles(stack.bands('Image layer').first())).toEqual(['etc: dir']);
  });

  test('docker rm: the upper and init layer go, the image layers stay', async ({ page }) => {
    const { t, stack } = await inWeb(page);
    await t.run('echo hi >> /etc/app/app.conf');
    await t.run('exit');
    await t.run('docker rm -f web');
    await walk(stack, [
      {
        says: "docker rm deletes web's upper and init layers (50 bytes written in it are gone); the image's layers stay, untouched.",
        marks: [],
      },
    ]);
    await expect(stack.bands('Upper')).toHaveCount(0);
    await expect(stack.panel).toContainText('Start a container to see its layers stacked here.');
    await expect(t.panel('Images').getByRole('row', { name: /demo:latest/ })).toHaveCount(1);
  });

  test('docker pull of an image sharing a layer: Already exists, the rest downloaded', async ({ page }) => {
    const t = new TerminalPage(page);
    const stack = new StackPage(page);
    await t.goto();
    await stack.instant();
    const entry = await t.run('docker pull httpd');
    expect(await t.outputOf(entry)).toMatch(/^1a1fb2e47934: Already exists$/m);
    await expect(stack.count).toHaveText('Step 5 of 5');
    await stack.rewind();
    await expect(stack.status).toContainText(
      'Already exists — layer 1 is on this machine already, so it is shared, not downloaded again.',
    );
    await expect(stack.status.locator('code')).toHaveText(/sha256:8585a6a599c3/);
    for (let i = 2; i <= 5; i++) {
      await stack.stepForward.click();
      await expect(stack.count).toHaveText(`Step ${i} of 5`);
      await expect(stack.status).toContainText(
        `is downloaded, unpacked into its own directory and stacked on the layer below it as layer ${i}.`,
      );
    }
    await expect(t.panel('Images').getByRole('row', { name: /httpd:latest/ })).toHaveCount(1);
  });

  test('a write into a volume goes to the volume, not the upper', async ({ page }) => {
    const t = new TerminalPage(page);
    const stack = new StackPage(page);
    await t.goto();
    await stack.instant();
    await t.run('docker run -d --name vol -v data:/data demo');
    await t.run('docker exec -it vol sh');
    const b = await stack.bandNames();
    await t.run('echo x > /data/f');
    await walk(stack, [
      {
        says: '/data/f is in the volume data, so the write goes sideways into the volume, not into the upper.',
        marks: [mark(b.merged, '/data/f', 'changed')],
      },
    ]);
    // The upper holds only the mount point Docker made for the volume (F4), nothing inside it.
    expect(await stack.tiles(stack.bands('Upper'))).toEqual(['data: dir']);
    await stack.openDir('data');
    expect(await stack.tiles(stack.bands('Upper'))).toEqual([]);
  });

  test('undo takes back the last command and redo brings it back; the timeline jumps', async ({ page }) => {
    const { t, stack } = await inWeb(page);
    const line = 'echo hi >> /etc/app/app.conf';
    await t.run(line);
    await expect(t.entries).toHaveCount(3);
    await expect(stack.commands).toHaveText([/^1\s+docker run/, /^2\s+docker exec/, /^3\s+echo hi/]);
    await expect(stack.commands.nth(2).getByRole('button')).toHaveAttribute('aria-current', 'step');
    expect(await stack.tiles(stack.bands('Upper'))).toContain('app.conf: file');

    await stack.undo.click();
    await expect(stack.status).toContainText(`Undone: ${line} — the machine is back as it was before.`);
    await expect(t.entries).toHaveCount(2);
    await expect(t.transcript).not.toContainText(line);
    await expect(stack.commands.nth(1).getByRole('button')).toHaveAttribute('aria-current', 'step');
    // The undone command stays in the timeline, to be redone.
    await expect(stack.commands).toHaveCount(3);
    // Undo tells its one step at the root, where the upper holds nothing again.
    await expect(
      stack.panel.getByRole('navigation', { name: 'Directory' }).locator('[aria-current]'),
    ).toHaveText('/');
    expect(await stack.tiles(stack.bands('Upper'))).toEqual([]);

    await stack.redo.click();
    await expect(stack.count).toHaveText('Step 4 of 4');
    await expect(stack.status).toContainText(
      '3 bytes are appended to the copy of /etc/app/app.conf in the upper.',
    );
    await expect(t.entries).toHaveCount(3);
    await expect(t.entries.nth(2)).toContainText(line);
    expect(await stack.tiles(stack.bands('Upper'))).toContain('app.conf: file');

    // A command of the timeline goes back to just after it.
    await stack.commands.nth(0).getByRole('button').click();
    await expect(t.entries).toHaveCount(1);
    await expect(stack.commands.nth(0).getByRole('button')).toHaveAttribute('aria-current', 'step');
    await expect(stack.redo).toBeEnabled();
  });

  test('two containers of one image: their uppers side by side over the shared layers', async ({ page }) => {
    const t = new TerminalPage(page);
    const stack = new StackPage(page);
    await t.goto();
    await stack.instant();
    await t.run('docker run -d --name web demo');
    await expect(stack.siblings).toHaveCount(0);
    await t.run('docker run -d --name api demo');
    await expect(stack.status).toContainText(
      "Container api gets an init layer and a fresh, empty upper on top of demo's 3 read-only layers: nothing is copied, and 2 containers share those layers now.",
    );
    await expect(stack.siblings).toHaveCount(2);
    const web = stack.siblings.filter({ has: page.getByRole('button', { name: /\(web\)/ }) });
    const api = stack.siblings.filter({ has: page.getByRole('button', { name: /\(api\)/ }) });
    await expect(web).toHaveAccessibleName(/^Upper [0-9a-f]{12} \(web\)$/);
    await expect(api).toHaveAccessibleName(/^Upper [0-9a-f]{12} \(api\)$/);
    await expect(api.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    await expect(stack.panel).toContainText(/3 shared image layers: .+ once, not .+/);
    await expect(stack.bands('Image layer')).toHaveCount(3);

    await web.getByRole('button').click();
    await expect(stack.bands('Merged')).toHaveAccessibleName(/\(web\)$/);
    await expect(web.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('animations at real speed', () => {
  test('a copy-up plays by itself through WorkDir to its last step', async ({ page }) => {
    test.setTimeout(90_000);
    const { t, stack } = await inWeb(page);
    await stack.speed.selectOption({ label: '1×' });
    await t.run(`echo hi >> ${CONF}`);
    // Nothing is pressed: the steps play one after another at the teaching pace.
    await expect(stack.pause).toBeVisible();
    // Read the counter and the sentence together: the step moves on by itself a moment later.
    await expect
      .poll(async () => `${await stack.count.textContent()}: ${await stack.status.textContent()}`, {
        timeout: 30_000,
        intervals: [50],
      })
      .toMatch(
        /^Step 2 of 4: Copy-up: the whole file \/etc\/app\/app\.conf \(47 bytes\) is copied from layer 3 into WorkDir/,
      );
    await expect(stack.status).toContainText(`3 bytes are appended to the copy of ${CONF} in the upper.`, {
      timeout: 30_000,
    });
    await expect(stack.count).toHaveText('Step 4 of 4');
    await expect(stack.play).toBeVisible({ timeout: 30_000 });
  });
});
