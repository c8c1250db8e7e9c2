import { expect, test } from '@playwright/test';
import { TerminalPage } from './pages/terminal.ts';

const CONTAINER_PROMPT = /^root@[0-9a-f]{12}:\/#\s*$/;

test.describe('Tab completion', () => {
  test('completes a docker subcommand, a container name and a path inside the container', async ({
    page,
  }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.run('docker run -d --name web demo');

    await t.type('docker ex');
    await t.tab();
    await expect(t.input).toHaveValue('docker exec ');
    await expect(t.input).toBeFocused();

    await t.input.pressSequentially('-it w');
    await t.tab();
    await expect(t.input).toHaveValue('docker exec -it web ');
    await t.input.pressSequentially('bash');
    await t.submit();
    await expect(t.prompt).toHaveText(CONTAINER_PROMPT);

    await t.type('cat /etc/hostn');
    await t.tab();
    await expect(t.input).toHaveValue('cat /etc/hostname ');
    const cat = await t.submit();
    expect(await t.outputOf(cat)).toMatch(/^[0-9a-f]{12}\n$/);
  });

  test('lists the names when it cannot complete further, until the next key', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.run('docker run -d --name web demo');
    await t.run('docker exec -it web sh');

    await t.type('ls /b');
    await t.tab();
    await expect(t.completions()).toHaveText(['bin/', 'boot/']);
    await expect(t.input).toHaveValue('ls /b');
    await t.input.pressSequentially('o');
    await expect(t.completions()).toHaveCount(0);
    await t.tab();
    await expect(t.input).toHaveValue('ls /boot/');
  });

  test('Escape then Tab, or Shift+Tab, leaves the terminal', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.input.click();
    await t.input.press('Escape');
    await t.input.press('Tab');
    await expect(t.input).not.toBeFocused();

    await t.input.click();
    await t.input.press('Shift+Tab');
    await expect(t.input).not.toBeFocused();
  });
});

test.describe('keys of a terminal', () => {
  test('Ctrl+C drops the line and shows it with ^C', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.type('docker rm -f web');
    const before = await t.entries.count();
    await t.input.press('Control+c');
    await expect(t.entries).toHaveCount(before + 1);
    const entry = t.entries.nth(before);
    await expect(entry).toHaveText('$ docker rm -f web^C');
    expect(await t.outputOf(entry)).toBe('');
    await expect(t.input).toHaveValue('');
    // Not kept in the history: ↑ has nothing to bring back.
    await t.input.press('ArrowUp');
    await expect(t.input).toHaveValue('');
  });

  test('Ctrl+C with part of the line selected copies it and keeps the line', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.type('echo keep');
    await t.input.press('Shift+Home');
    const before = await t.entries.count();
    await t.input.press('Control+c');
    await expect(t.input).toHaveValue('echo keep');
    await expect(t.entries).toHaveCount(before);
  });

  test('Ctrl+L and clear empty the screen; clear stays in the history', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.run('echo one');
    await t.input.press('Control+l');
    await expect(t.entries).toHaveCount(0);

    await t.run('echo two');
    await t.input.pressSequentially('clear');
    await t.input.press('Enter');
    await expect(t.entries).toHaveCount(0);
    await t.input.press('ArrowUp');
    await expect(t.input).toHaveValue('clear');
  });

  test('clear inside a container shell empties the screen too', async ({ page }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.run('docker run -d --name web demo');
    await t.run('docker exec -it web sh');
    await t.input.pressSequentially('clear');
    await t.input.press('Enter');
    await expect(t.entries).toHaveCount(0);
    await expect(t.prompt).toHaveText(CONTAINER_PROMPT);
  });

  test('only a failed command shows its stderr in red; bash saying exit is not an error', async ({
    page,
  }) => {
    const t = new TerminalPage(page);
    await t.goto();
    await t.run('docker run -d --name web demo');
    await t.run('docker exec -it web bash');
    const exit = await t.run('exit');
    await expect(t.stderrOf(exit)).toHaveText('exit');
    await expect(t.stderrOf(exit)).not.toHaveClass(/\bstderr\b/);

    const typo = await t.run('dokcer ps');
    await expect(t.stderrOf(typo)).toHaveClass(/\bstderr\b/);
  });
});
