import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ImagesPanelPage } from './pages/images.ts';
import { StackPage } from './pages/stack.ts';
import { TerminalPage } from './pages/terminal.ts';

// Real images in and out (issue #6): the sample archive of public/samples, a corrupted copy, and a
// docker save downloaded from the page.

const SAMPLE = readFileSync(new URL('../public/samples/sample.tar.gz', import.meta.url));
const TAG = 'layerlab-sample:1';

/** Prepended to the import worker's script: a File read there arrives slowly, so progress shows. */
const SLOW_STREAM = `{
  const stream = Blob.prototype.stream;
  Blob.prototype.stream = function () {
    const reader = stream.call(this).getReader();
    let rest = new Uint8Array(0);
    return new ReadableStream({
      async pull(c) {
        await new Promise((r) => setTimeout(r, 100));
        if (rest.length === 0) {
          const { done, value } = await reader.read();
          if (done) return c.close();
          rest = value;
        }
        c.enqueue(rest.subarray(0, 32 * 1024));
        rest = rest.subarray(32 * 1024);
      },
    });
  };
}
`;

test.describe('Opening a real image', () => {
  test('loads the sample with one click, and a container from it stacks its four layers', async ({
    page,
  }) => {
    const t = new TerminalPage(page);
    const images = new ImagesPanelPage(page);
    await t.goto();
    await page.getByLabel('Speed').selectOption('0.5');
    await images.sample.click();
    const load = t.entries.filter({ hasText: 'docker load -i /root/sample.tar.gz' });
    await expect(load).toHaveCount(1);
    expect(await t.outputOf(load)).toBe(`Loaded image: ${TAG}\n`);
    // The stack shows the archive's layers going into the layer store, base first, as docker load says.
    const loading = page.getByRole('list', { name: 'Layers being loaded' });
    await expect(loading.getByRole('listitem')).toHaveCount(4);
    await expect(loading.getByRole('listitem').last()).toHaveAccessibleName(/Loading layer$/);
    await page.getByLabel('Speed').selectOption('0');
    await expect(images.row(TAG)).toHaveCount(1);
    await expect(images.row(TAG)).toContainText('4');
    await expect(images.progress).toHaveCount(0);

    // Its byte ledger: the file deleted, the config rewritten, the dir made opaque (9 bytes hidden).
    await images.panel.getByText('Bytes by layer').click();
    await images.panel.getByRole('combobox', { name: 'Image' }).selectOption(TAG);
    const ledger = images.panel.getByRole('table').last();
    await expect(ledger.getByRole('row')).toHaveCount(5);
    await expect(ledger.getByRole('row').nth(2)).toHaveText(/^2\s*0 B\s*3 B\s*4 B\s*0 B$/);
    await expect(images.panel).toContainText('9 B of it hidden by later layers');

    const run = await t.run(`docker run -d --name s1 ${TAG}`);
    expect(await t.outputOf(run)).toMatch(/^[0-9a-f]{64}\n$/);
    const stack = new StackPage(page);
    await expect(stack.bands('Image layer')).toHaveCount(4);
    // Its CMD is `cat /TEST`: the file of the image's top layer.
    const hello = await t.run(`docker run --rm ${TAG}`);
    expect(await t.outputOf(hello)).toBe('Hello from a real image\n');
  });

  test('says clearly why a corrupted archive cannot be loaded, and the session keeps working', async ({
    page,
  }) => {
    const t = new TerminalPage(page);
    const images = new ImagesPanelPage(page);
    await t.goto();
    const bad = Buffer.from(SAMPLE);
    for (let i = 4000; i < 4400; i++) bad[i] = bad[i]! ^ 0xff;
    await images.fileInput.setInputFiles({
      name: 'broken.tar.gz',
      mimeType: 'application/gzip',
      buffer: bad,
    });
    const load = t.entries.filter({ hasText: 'docker load -i /root/broken.tar.gz' });
    await expect(load).toHaveCount(1);
    await expect(t.stderrOf(load)).toContainText('gzip');
    await expect(images.row(TAG)).toHaveCount(0);
    const echo = await t.run('echo still here');
    expect(await t.outputOf(echo)).toBe('still here\n');
  });

  test('a dropped file shows the drop target, then its progress; Cancel stops it, a second drop loads it', async ({
    page,
  }) => {
    const t = new TerminalPage(page);
    const images = new ImagesPanelPage(page);
    await t.goto();
    // A slow disk: the import worker reads the dropped File itself, so its script (routed on the
    // context: a worker's requests do not go through the page's routes) is served with a
    // File.stream() in front that hands out 32 KB pieces 100 ms apart.
    await page.context().route('**/import-worker*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: SLOW_STREAM + (await response.text()) });
    });
    const drag = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dropped.tar.gz', { type: 'application/gzip' }));
      return dt;
    }, SAMPLE.toString('base64'));
    const dropTarget = page.getByTestId('drop-target');

    await page.dispatchEvent('main', 'dragenter', { dataTransfer: drag });
    await expect(dropTarget).toBeVisible();
    await expect(dropTarget).toContainText('Drop an image archive to load it');
    await page.dispatchEvent('main', 'drop', { dataTransfer: drag });
    await expect(dropTarget).toHaveCount(0);
    await expect(images.progress).toBeVisible();
    await expect(images.progress).toHaveAttribute('aria-valuenow', /^\d+$/);
    await expect(images.panel).toContainText(/Reading dropped\.tar\.gz: [\d.]+ k?B of 1\.0 MB/);
    await images.cancel.click();
    await expect(images.progress).toHaveCount(0);
    // The file is read by docker load itself (never all at once): a cancel stops it as ^C would.
    const load = t.entries.filter({ hasText: 'docker load -i /root/dropped.tar.gz' });
    await expect(load).toHaveCount(1);
    expect(await t.outputOf(load.first())).toBe('context canceled\n');
    await expect(images.row(TAG)).toHaveCount(0);

    await page.dispatchEvent('main', 'dragenter', { dataTransfer: drag });
    await page.dispatchEvent('main', 'drop', { dataTransfer: drag });
    await expect(load).toHaveCount(2, { timeout: 10_000 });
    expect(await t.outputOf(load.last())).toBe(`Loaded image: ${TAG}\n`);
  });
});

test('an archive of several images asks which to load', async ({ page }) => {
  const t = new TerminalPage(page);
  const images = new ImagesPanelPage(page);
  await t.goto();
  await images.sample.click();
  await expect(images.row(TAG)).toHaveCount(1);
  // Made here: demo and the sample in one archive, downloaded, then opened again.
  await t.run(`docker save demo ${TAG} -o /root/two.tar`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    images.downloadLink('two.tar').click(),
  ]);
  const two = readFileSync((await download.path())!);
  await t.run(`docker rmi ${TAG}`);
  await expect(images.row(TAG)).toHaveCount(0);

  await images.fileInput.setInputFiles({ name: 'two.tar', mimeType: 'application/x-tar', buffer: two });
  const chooser = images.panel.getByRole('group', { name: /two\.tar holds 2 images/ });
  await expect(chooser).toBeVisible();
  await chooser.getByRole('radio', { name: new RegExp(TAG) }).check();
  await images.panel.getByRole('button', { name: 'Load this image' }).click();
  const load = t.entries.filter({ hasText: 'docker load -i /root/two.tar' });
  await expect(load).toHaveCount(1);
  expect(await t.outputOf(load)).toBe(`Loaded image: ${TAG}\n`);
  await expect(chooser).toHaveCount(0);
  await expect(images.row(TAG)).toHaveCount(1);
});

test.describe('Saving an image', () => {
  test('docker save -o offers the archive as a download, and it is a docker-archive tar', async ({
    page,
  }) => {
    const t = new TerminalPage(page);
    const images = new ImagesPanelPage(page);
    await t.goto();
    await images.sample.click();
    await expect(images.row(TAG)).toHaveCount(1);
    await t.run(`docker save ${TAG} -o /root/out.tar`);
    const link = images.downloadLink('out.tar');
    await expect(link).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('out.tar');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(257, 262).toString('latin1')).toBe('ustar');
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(true);
    await expect(link).toHaveCount(0);
  });
});
