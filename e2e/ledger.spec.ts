import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { ImagesPanelPage } from './pages/images.ts';
import { TerminalPage } from './pages/terminal.ts';

// The byte ledger folded out layer by layer (issue #6), on the sample image of public/samples (its
// README has the recipe): a base with busybox and four small files, a layer that deletes /etc/gone
// and rewrites /etc/config, one that remakes /data/sub, one with a hard link and /TEST.

const TAG = 'layerlab-sample:1';
const HIDDEN = 'hidden by a later layer';

/** Load the sample as a person would, fold out "Bytes by layer" and pick the sample's image. */
async function openLedger(page: Page): Promise<ImagesPanelPage> {
  const t = new TerminalPage(page);
  const images = new ImagesPanelPage(page);
  await t.goto();
  // The machine starts over once the catalog is in (nginx as if pulled); a sample put on the host
  // before that is lost with the old machine ("open /root/sample.tar.gz: no such file").
  await expect(images.row('nginx:latest')).toHaveCount(1);
  await images.sample.click();
  // Hashed and unpacked in a worker: on a busy machine that can take longer than the default wait.
  await expect(images.row(TAG)).toHaveCount(1, { timeout: 30_000 });
  await images.panel.getByText('Bytes by layer').click();
  await images.panel.getByRole('combobox', { name: 'Image' }).selectOption(TAG);
  return images;
}

const layerButton = (images: ImagesPanelPage, n: number): Locator =>
  images.panel.getByRole('button', { name: `Layer ${n}: largest files and directories` });
const filesOf = (images: ImagesPanelPage, n: number): Locator =>
  images.panel.getByRole('table', { name: `Largest files of layer ${n}`, exact: true });
const dirsOf = (images: ImagesPanelPage, n: number): Locator =>
  images.panel.getByRole('table', { name: new RegExp(`^Largest directories of layer ${n}(?!\\d)`) });
/** Each body row's cells, as text. */
const cells = (table: Locator): Promise<string[][]> =>
  table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));

test.describe('The byte ledger, layer by layer', () => {
  test('a click on a layer row folds out its largest files and directories, flagging what later layers delete', async ({
    page,
  }) => {
    const images = await openLedger(page);
    const base = layerButton(images, 1);
    await expect(base).toHaveAttribute('aria-expanded', 'false');
    await expect(filesOf(images, 1)).toHaveCount(0);

    await base.click();
    await expect(base).toHaveAttribute('aria-expanded', 'true');
    // busybox (1 982 256 bytes) leads; /etc/gone is deleted by layer 2, /etc/config rewritten there and
    // /data/sub/b.txt gone with layer 3's rm -r: still carried, flagged. /data/a.txt is still seen.
    expect(await cells(filesOf(images, 1))).toEqual([
      ['2.0 MB', '/bin/busybox'],
      ['4 B', `/etc/gone${HIDDEN}`],
      ['3 B', `/etc/config${HIDDEN}`],
      ['2 B', '/data/a.txt'],
      ['2 B', `/data/sub/b.txt${HIDDEN}`],
    ]);
    expect(await cells(dirsOf(images, 1))).toEqual([
      ['2.0 MB', '/bin'],
      ['7 B', '/etc'],
      ['4 B', '/data'],
      ['2 B', '/data/sub'],
    ]);
    // The button points at what it folds out.
    const controls = await base.getAttribute('aria-controls');
    await expect(page.locator(`[id="${controls}"]`)).toContainText('/bin/busybox');

    // A click anywhere else on a row folds it too: the top layer's hard link is one file, one inode.
    await layerButton(images, 4).locator('xpath=ancestor::tr[1]').getByRole('cell').first().click();
    await expect(layerButton(images, 4)).toHaveAttribute('aria-expanded', 'true');
    expect(await cells(filesOf(images, 4))).toEqual([
      ['24 B', '/TEST'],
      ['7 B', '/data/one'],
    ]);
    expect(await cells(dirsOf(images, 4))).toEqual([['7 B', '/data']]);

    await base.click();
    await expect(base).toHaveAttribute('aria-expanded', 'false');
    await expect(filesOf(images, 1)).toHaveCount(0);
    await expect(filesOf(images, 4)).toHaveCount(1);
  });

  test('the keyboard folds a layer out and back with Enter', async ({ page }) => {
    const images = await openLedger(page);
    const second = layerButton(images, 2);
    await second.focus();
    await page.keyboard.press('Enter');
    await expect(second).toHaveAttribute('aria-expanded', 'true');
    // Layer 2 wrote the new /etc/config: seen, not flagged.
    expect(await cells(filesOf(images, 2))).toEqual([['3 B', '/etc/config']]);
    expect(await cells(dirsOf(images, 2))).toEqual([['3 B', '/etc']]);
    await expect(second).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(second).toHaveAttribute('aria-expanded', 'false');
    await expect(filesOf(images, 2)).toHaveCount(0);
  });

  const SHOTS = process.env['LEDGER_SHOTS'];
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
    { width: 768, height: 430 },
    { width: 375, height: 740 },
  ])
    for (const theme of ['light', 'dark'] as const)
      test(`at ${viewport.width}×${viewport.height} in the ${theme} theme it fits the panel and axe finds nothing serious`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        const images = await openLedger(page);
        if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
        await layerButton(images, 1).click();
        const files = filesOf(images, 1);
        await files.scrollIntoViewIfNeeded();
        // The folded-out tables stay inside the panel: nothing to scroll sideways.
        const panel = await images.panel.boundingBox();
        const detail = await files.locator('xpath=ancestor::td[1]').boundingBox();
        expect(detail!.x + detail!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 1);
        const { violations } = await new AxeBuilder({ page }).include('.ledger').analyze();
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
        if (SHOTS) {
          mkdirSync(SHOTS, { recursive: true });
          await images.panel
            .locator('.ledger')
            .screenshot({ path: `${SHOTS}/ledger-${viewport.width}x${viewport.height}-${theme}.png` });
          await page.screenshot({ path: `${SHOTS}/page-${viewport.width}x${viewport.height}-${theme}.png` });
        }
      });
});
