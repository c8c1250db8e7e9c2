import { expect, test } from '@playwright/test';
import { SharePage } from './pages/share.ts';
import { TerminalPage } from './pages/terminal.ts';

const LINES = [
  'docker run -d --name web demo',
  'docker exec -it web sh',
  'echo "Hello World" >> /TEST',
  'exit',
];

/** Type the blog's few lines; wait until the autosave has them. */
async function typeSession(t: TerminalPage, share: SharePage): Promise<void> {
  for (const line of LINES) await t.run(line);
  await expect.poll(() => share.saved()).toContain('>> /TEST');
}

async function expectSession(t: TerminalPage): Promise<void> {
  await expect(t.entries).toHaveCount(LINES.length);
  await expect(t.entries.last()).toContainText('exit');
  await expect(t.panel('Containers').getByRole('cell', { name: 'web', exact: true })).toBeVisible();
  const cat = await t.run('docker exec web cat /TEST');
  expect(await t.outputOf(cat)).toBe('Hello World\n');
}

test.describe('sharing a session', () => {
  test('a permalink opens the same session in another browser, then leaves the URL', async ({
    page,
    browser,
  }) => {
    const t = new TerminalPage(page);
    const share = new SharePage(page);
    await t.goto();
    await typeSession(t, share);
    const link = await share.copyLink();
    expect(new URL(link).pathname).toBe('/');

    const other = await browser.newContext();
    const p2 = await other.newPage();
    await p2.goto(link);
    const t2 = new TerminalPage(p2);
    await expect(new SharePage(p2).status).toContainText('Opened the shared session: 4 commands');
    await expectSession(t2);
    expect(new URL(p2.url()).hash).toBe('');
    await other.close();
  });

  test('the session survives a reload', async ({ page }) => {
    const t = new TerminalPage(page);
    const share = new SharePage(page);
    await t.goto();
    await typeSession(t, share);
    await page.reload();
    await expect(share.status).toContainText('Your last session is back: 4 commands');
    await expectSession(t);
  });

  test('a tampered link says so; the app works and the saved session is kept', async ({ page }) => {
    const t = new TerminalPage(page);
    const share = new SharePage(page);
    await t.goto();
    await typeSession(t, share);
    const saved = await share.saved();

    await page.goto('/#v=1&s=eJyrVkpWsopWSslPzk4tUigqzVPQTVHQ1c1LzE1VKE9NUkhJzc1X0oHJp1akJivoZp');
    await expect(share.alert).toContainText('This link is damaged or was changed');
    // Not a blank page: the saved session is back, and commands run.
    await expectSession(t);
    expect(await share.saved()).toContain(saved!.slice(0, -2));

    await page.goto('/#v=9&s=abc');
    await expect(share.alert).toContainText('newer or unknown version');
    await share.alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(share.alert).toHaveCount(0);
    await expect(t.input).toBeVisible();
  });

  test('a corrupted saved state says so; the app works and the data is kept aside', async ({ page }) => {
    const t = new TerminalPage(page);
    const share = new SharePage(page);
    await t.goto();
    await page.evaluate(() => localStorage.setItem('layerlab.session', '{"v":1,"c":["ls"'));
    await page.reload();
    await expect(share.alert).toContainText('could not be read');
    await expect(share.alert).toContainText('layerlab.session.unreadable');
    expect(await share.saved('layerlab.session.unreadable')).toBe('{"v":1,"c":["ls"');
    const run = await t.run('docker run -d --name fresh demo');
    expect(await t.outputOf(run)).toMatch(/^[0-9a-f]{64}\n$/);
  });

  test('a session exports to a scenario file and imports back', async ({ page, browser }) => {
    const t = new TerminalPage(page);
    const share = new SharePage(page);
    await t.goto();
    await typeSession(t, share);
    const file = await share.exportFile();
    expect(JSON.parse(file)).toEqual({ images: [], commands: LINES });

    const other = await browser.newContext();
    const p2 = await other.newPage();
    const t2 = new TerminalPage(p2);
    const share2 = new SharePage(p2);
    await t2.goto();
    await share2.importFile('{"commands": [1]}');
    await expect(share2.alert).toContainText(
      'This file could not be imported: commands[0]: must be a string',
    );
    await share2.importFile(file);
    await expect(share2.status).toContainText('Opened the shared session: 4 commands');
    await expectSession(t2);
    await other.close();
  });
});
