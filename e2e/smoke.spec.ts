import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer.ts';
import { TerminalPage } from './pages/terminal.ts';

const HOST_PROMPT = /^\$\s*$/;
const CONTAINER_PROMPT = /^root@[0-9a-f]{12}:\/#\s*$/;

test.describe('the blog post session', () => {
  test('a file written inside a container is in its upper layer and in docker diff', async ({ page }) => {
    const origin = new URL(test.info().project.use.baseURL!).origin;
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));

    const t = new TerminalPage(page);
    await t.goto();
    await expect(t.prompt).toHaveText(HOST_PROMPT);

    const run = await t.run('docker run -d --name web demo');
    expect(await t.outputOf(run)).toMatch(/^[0-9a-f]{64}\n$/);
    await expect(t.panel('Containers').getByRole('cell', { name: 'web', exact: true })).toBeVisible();

    await t.run('docker exec -it web sh');
    await expect(t.prompt).toHaveText(CONTAINER_PROMPT);

    await t.run('touch /TEST');
    await t.run('echo "Hello World" >> /TEST');
    const cat = await t.run('cat /TEST');
    expect(await t.outputOf(cat)).toBe('Hello World\n');
    await expect(cat.getByText('Hello World')).toBeVisible();
    const explorer = new ExplorerPage(page);
    await explorer.tree.selectOption({ label: 'upper layer alone' });
    await expect(explorer.row(/^TEST/)).toBeVisible();

    await t.run('exit');
    await expect(t.prompt).toHaveText(HOST_PROMPT);

    const diff = await t.run('docker diff web');
    expect(await t.outputOf(diff)).toBe('A /TEST\n');

    expect(elsewhere, 'requests to other sites').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });
});

test.describe('mistakes', () => {
  test('a typo prints command not found on stderr and the session goes on', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    const typo = await t.run('dokcer ps');
    expect(await t.outputOf(typo)).toBe('bash: dokcer: command not found\n');
    await expect(t.stderrOf(typo)).toHaveText('bash: dokcer: command not found');
    await expect(t.prompt).toHaveText(HOST_PROMPT);

    const ps = await t.run('docker ps');
    expect(await t.outputOf(ps)).toMatch(/^CONTAINER ID\s+IMAGE\s+COMMAND/);
  });

  test('text that looks like HTML is shown as typed, never parsed', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    const html = '<img src=x onerror="document.title=1"><b>bold</b>';
    const entry = await t.run(`echo '${html}'`);
    expect(await t.outputOf(entry)).toBe(`${html}\n`);
    await expect(entry.locator('img, b')).toHaveCount(0);
    await expect(page).toHaveTitle('Layerlab — how Docker stores images');
  });

  test('↑ brings back the last line to fix it', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.run('dokcer ps');
    await t.input.press('ArrowUp');
    await expect(t.input).toHaveValue('dokcer ps');
    await t.input.press('Home');
    for (let i = 0; i < 'dokcer'.length; i++) await t.input.press('Delete');
    await t.input.pressSequentially('docker');
    const fixed = await t.submit();
    expect(await t.outputOf(fixed)).toMatch(/^CONTAINER ID\s+IMAGE/);
    await t.input.press('ArrowUp');
    await t.input.press('ArrowUp');
    await expect(t.input).toHaveValue('dokcer ps');
    await t.input.press('ArrowDown');
    await t.input.press('ArrowDown');
    await expect(t.input).toHaveValue('');
  });
});

test.describe('pasting', () => {
  test('a 200 KB line is run and shown cut short, and the page keeps working', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    const words = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(200_000 / 27)).slice(0, 200_000);
    await t.paste(`echo ${words}`);
    const big = await t.submit();
    // The line is echoed cut short, and its 200 KB of output stops at the transcript's cap.
    await expect(big.getByText(/more characters? not shown/).first()).toBeVisible({ timeout: 15_000 });

    const after = await t.run('docker ps');
    expect(await t.outputOf(after)).toMatch(/^CONTAINER ID\s+IMAGE/);
    await expect(t.input).toBeFocused();
  });

  test('pasted lines run one after the other, as in a terminal', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.paste('docker run -d --name web demo\ndocker ps\ndocker');
    await expect(t.entries).toHaveCount(2);
    expect(await t.outputOf(t.entries.nth(1))).toMatch(/ web\n$/);
    await expect(t.input).toHaveValue('docker');
  });
});
