import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer.ts';
import { TerminalPage } from './pages/terminal.ts';

/** The blog's session in brief: a change, an append to an image file, a deletion, a new file. */
async function session(t: TerminalPage): Promise<void> {
  await t.goto();
  await t.run('docker run -d --name web demo');
  await t.run('docker exec -it web sh');
  await t.run('echo hi >> /etc/app/app.conf');
  await t.run('rm /etc/debian_version');
  await t.run('touch /TEST');
  await t.run('exit');
}

test.describe('the Explorer', () => {
  test('Diff shows the docker diff lines; focusing one shows it in the inspector', async ({ page }) => {
    const t = new TerminalPage(page);
    const x = new ExplorerPage(page);
    await session(t);

    const diff = await x.open('Diff');
    await expect(x.tab('Diff')).toHaveAttribute('aria-selected', 'true');
    const lines = diff.getByRole('list', { name: 'docker diff web' }).getByRole('button');
    await expect(lines).toHaveText([
      /^A \/TEST/,
      /^C \/etc\b/,
      /^C \/etc\/app\b/,
      /^C \/etc\/app\/app\.conf/,
      /^D \/etc\/debian_version/,
    ]);

    // Keyboard: Tab into the list, ↓ to the changed file, Enter to inspect it.
    await lines.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(lines.nth(3)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(x.inspector.getByText('/etc/app/app.conf', { exact: true })).toBeVisible();
    await expect(x.inspector.getByLabel('File content')).toContainText(
      'listen 8080;\n    root /srv/www;\n}\nhi',
    );
    await expect(x.inspector.getByText('-rw-r--r--')).toBeVisible();
    const copies = x.inspector.getByRole('list', { name: /^Copies of \/etc\/app\/app\.conf/ });
    await expect(copies.getByRole('listitem')).toHaveText([
      /upper.*seen by the container/,
      /layer 3.*shadowed/,
      /layer 2.*shadowed/,
    ]);

    // A deleted file: the whiteout in the upper over the copy it hides.
    await lines.nth(4).click();
    await expect(x.inspector).toContainText('a whiteout deletes it');
    const gone = x.inspector.getByRole('list', { name: /^Copies of \/etc\/debian_version/ });
    await expect(gone.getByRole('listitem')).toHaveText([/upper.*whiteout/, /layer 1.*hidden/]);
  });

  test('Files searches the merged tree by name and filters by change', async ({ page }) => {
    const t = new TerminalPage(page);
    const x = new ExplorerPage(page);
    await session(t);

    await x.open('Files');
    await expect(x.row(/^\.dockerenv/)).toContainText('init');
    await x.search.fill('mime');
    await expect(x.panel().getByRole('status')).toHaveText('1 match in the merged view');
    await expect(x.row(/^\/etc\/app\/mime\.types/)).toContainText('layer 2');

    await x.search.fill('');
    await x.change.selectOption({ label: 'D deleted' });
    await expect(x.row(/^\/etc\/debian_version/)).toContainText('whiteout in upper');

    // One layer's own tree: the image's third layer holds a whiteout for the banner it removed.
    await x.change.selectOption({ label: 'Any change' });
    await x.tree.selectOption({ label: 'layer 3 alone' });
    await x.type.selectOption({ label: 'Whiteouts' });
    await expect(x.row(/^\/srv\/www\/old-banner\.txt/)).toContainText('hides below');
  });

  test('Files opens directories by keyboard and inspects a file', async ({ page }) => {
    const t = new TerminalPage(page);
    const x = new ExplorerPage(page);
    await session(t);

    await x.open('Files');
    await x.row(/^etc\//).focus();
    await page.keyboard.press('Enter');
    await expect(x.panel().getByRole('navigation', { name: 'Explorer directory' })).toContainText('etc');
    await x.row(/^passwd/).click();
    await expect(x.inspector.getByLabel('File content')).toContainText('root:x:0:0:root');
    await page.keyboard.press('Backspace');
    await expect(x.row(/^etc\//)).toBeVisible();
  });

  test('History rows name their layers; Host shows the lower file with l/ names', async ({ page }) => {
    const t = new TerminalPage(page);
    const x = new ExplorerPage(page);
    await session(t);

    const history = await x.open('History');
    const rows = history.getByRole('list', { name: 'docker history demo' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText('layer 3');
    await expect(rows.first()).toContainText("sed -i 's/listen 80/listen 8080/'");

    // Enter on a row browses that layer's own files.
    await rows.first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(x.tab('Files')).toHaveAttribute('aria-selected', 'true');
    await expect(x.tree).toHaveValue('2');

    const host = await x.open('Host');
    await expect(host.getByText('$ ls /var/lib/docker/overlay2')).toBeVisible();
    const upper = host.getByRole('group', { name: /^upper: [0-9a-f]{64}$/ });
    // The lower file: the init layer's l/ name, then the image's layers top first.
    await expect(upper.getByTitle(/^l\/[A-Z2-7]{26}(:l\/[A-Z2-7]{26}){3}$/)).toBeVisible();
    await expect(upper).toContainText(/lower\s*l\/[A-Z2-7]{26} \(init\):l\/[A-Z2-7]{26} \(layer 3\)/);
    await expect(upper).toContainText(/diff\/\s*TEST\s+etc/);
    await expect(host.getByRole('group', { name: /^layer 1: / })).toContainText('none: the bottom layer');
  });

  test('the tabs follow the arrow keys', async ({ page }) => {
    const t = new TerminalPage(page);
    const x = new ExplorerPage(page);
    await session(t);
    await x.tab('Files').focus();
    await page.keyboard.press('ArrowRight');
    await expect(x.tab('Diff')).toBeFocused();
    await expect(x.tab('Diff')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(x.tab('Host')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(x.tab('Files')).toBeFocused();
  });

  for (const theme of ['light', 'dark'] as const)
    test(`every tab passes axe without serious violations (${theme} theme)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      const t = new TerminalPage(page);
      const x = new ExplorerPage(page);
      await session(t);
      await x.open('Diff');
      await x.row(/^C \/etc\/app\/app\.conf/).click();
      for (const tab of ['Files', 'Diff', 'History', 'Host'] as const) {
        await x.open(tab);
        const { violations } = await new AxeBuilder({ page })
          .include('section[aria-label="Explorer"]')
          .analyze();
        const serious = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${tab}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious).toEqual([]);
      }
    });
});
