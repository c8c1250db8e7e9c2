import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { ImagesPanelPage } from './pages/images.ts';
import { TerminalPage } from './pages/terminal.ts';

// Exporting an image from its row (issue #6): the download button opens a menu of two formats, a
// docker save archive (a line typed in the terminal) and an OCI image layout as Docker 25+ saves it
// (no line: the page writes it), both downloaded at once.

const DOCKER_ARCHIVE = 'Docker archive (docker save, Docker 20.10)';
const OCI_LAYOUT = 'OCI image layout (as Docker 25+ saves it)';

/** The download menu of one image row, as a person finds it. */
function formatMenu(page: Page, ref: string): Locator {
  return page.getByRole('group', { name: `Download ${ref} as` });
}

/** The names of a ustar archive's entries (the export writes plain ustar headers). */
function tarNames(bytes: Buffer): string[] {
  const names: string[] = [];
  for (let off = 0; off + 512 <= bytes.length;) {
    const header = bytes.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, len: number): string =>
      header
        .subarray(from, from + len)
        .toString('latin1')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    names.push(prefix === '' ? field(0, 100) : `${prefix}/${field(0, 100)}`);
    off += 512 + Math.ceil(parseInt(field(124, 12).trim() || '0', 8) / 512) * 512;
  }
  return names;
}

/** The page at its start, once nginx:latest is in the Images panel. */
async function withNginx(page: Page): Promise<{ t: TerminalPage; images: ImagesPanelPage }> {
  const t = new TerminalPage(page);
  const images = new ImagesPanelPage(page);
  await t.goto();
  await expect(images.row('nginx:latest')).toHaveCount(1);
  return { t, images };
}

test.describe('Exporting an image from its row', () => {
  test('OCI image layout: downloads NAME.oci.tar holding oci-layout, index.json and manifest.json, types nothing', async ({
    page,
  }) => {
    const { t, images } = await withNginx(page);
    const lines = await t.entries.count();
    const button = images.saveButton('nginx:latest');
    await button.click();
    const menu = formatMenu(page, 'nginx:latest');
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: OCI_LAYOUT }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('nginx_latest.oci.tar');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(257, 262).toString('latin1')).toBe('ustar');
    expect(tarNames(bytes)).toEqual(expect.arrayContaining(['oci-layout', 'index.json', 'manifest.json']));
    await expect(menu).toBeHidden();
    await expect(images.panel.getByRole('status')).toContainText(
      'nginx:latest as an OCI image layout, as Docker 25+ saves it',
    );
    expect(await t.entries.count()).toBe(lines);
  });

  test('Docker archive: types docker save and downloads the archive it writes', async ({ page }) => {
    const { t, images } = await withNginx(page);
    await images.saveButton('nginx:latest').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      formatMenu(page, 'nginx:latest').getByRole('button', { name: DOCKER_ARCHIVE }).click(),
    ]);
    await expect(
      t.entries.filter({ hasText: 'docker save nginx:latest -o /root/nginx_latest.tar' }),
    ).toHaveCount(1);
    expect(download.suggestedFilename()).toBe('nginx_latest.tar');
    const names = tarNames(readFileSync((await download.path())!));
    expect(names).toContain('manifest.json');
    expect(names).not.toContain('index.json');
  });

  test('from the keyboard: Enter opens it on the first format, arrows move, Escape gives focus back', async ({
    page,
  }) => {
    const { images } = await withNginx(page);
    const button = images.saveButton('nginx:latest');
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = formatMenu(page, 'nginx:latest');
    await expect(menu.getByRole('button', { name: DOCKER_ARCHIVE })).toBeFocused();
    // Open, in both themes, axe finds nothing serious in the menu or the panel around it.
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      const { violations } = await new AxeBuilder({ page }).include('.panel').analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    }
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('button', { name: OCI_LAYOUT })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('button', { name: DOCKER_ARCHIVE })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
  });
});
