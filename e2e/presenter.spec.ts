import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { PresenterPage } from './pages/presenter.ts';
import { StackPage } from './pages/stack.ts';
import { TerminalPage } from './pages/terminal.ts';

/**
 * Issue #5, classroom: presenter mode on a 1024×768 projector. The keys of a presentation clicker
 * (PageDown/PageUp, the arrows, B or . to blank) step the stack, and stay out of the terminal's way;
 * axe finds nothing serious in either theme.
 */
test.use({ viewport: { width: 1024, height: 768 } });

/** The copy-up: after it, the stack is at its last step (4 of 4), the WorkDir copy two steps back. */
async function copyUp(t: TerminalPage, stack: StackPage): Promise<void> {
  await stack.instant();
  await t.run('docker run -d --name web demo');
  await t.run('docker exec -it web sh');
  await t.run('echo hi >> /etc/app/app.conf');
  await expect(stack.count).toHaveText('Step 4 of 4');
}

test('presenter keys step the stack, blank the screen and leave, and the terminal keeps its own keys', async ({
  page,
}) => {
  const t = new TerminalPage(page);
  const stack = new StackPage(page);
  const p = new PresenterPage(page);
  await t.goto();
  await p.enter.click();
  await expect(p.exit).toBeVisible();
  await expect(p.lastCommand).toContainText('Type a command below');
  // The Explorer and the daemon's panels are out of the way.
  await expect(page.getByRole('region', { name: 'Explorer', exact: true })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Daemon state' })).toBeHidden();

  await copyUp(t, stack);
  await expect(p.lastCommand).toContainText('echo hi >> /etc/app/app.conf');
  await expect(t.input).toBeFocused();

  // A clicker's PageUp steps back even with the focus in the (empty) command line.
  await p.press('PageUp');
  await expect(stack.count).toHaveText('Step 3 of 4');
  await p.press('PageUp');
  await expect(stack.count).toHaveText('Step 2 of 4');
  await expect(stack.status).toContainText('into WorkDir');
  await p.press('PageDown');
  await expect(stack.count).toHaveText('Step 3 of 4');
  await expect(stack.status).not.toContainText('into WorkDir');

  // In the command line the arrows are the terminal's: ↑ brings back the last line, not a step.
  await p.press('ArrowUp');
  await expect(t.input).toHaveValue('echo hi >> /etc/app/app.conf');
  await expect(stack.count).toHaveText('Step 3 of 4');
  // With text in the line, nothing is a presenter key: not PageUp, not B.
  await p.press('PageUp');
  await p.press('b');
  await expect(stack.count).toHaveText('Step 3 of 4');
  await expect(p.blank).toBeHidden();
  await t.input.fill('');

  // Off the terminal, the arrows step too.
  await p.focusPage();
  await p.press('ArrowLeft');
  await expect(stack.count).toHaveText('Step 2 of 4');
  await expect(stack.status).toContainText('into WorkDir');
  await p.press('ArrowRight');
  await expect(stack.count).toHaveText('Step 3 of 4');

  // B blanks the whole screen; any key shows it again, where it was.
  await p.press('b');
  await expect(p.blank).toBeVisible();
  expect(await p.blank.boundingBox()).toEqual({ x: 0, y: 0, width: 1024, height: 768 });
  await p.press('x');
  await expect(p.blank).toBeHidden();
  await expect(stack.count).toHaveText('Step 3 of 4');
  // . blanks too (a clicker's blank button), and a click shows the screen again.
  await p.press('.');
  await expect(p.blank).toBeVisible();
  await p.blank.click();
  await expect(p.blank).toBeHidden();

  // − and + change the speed, as the buttons beside the speed do (instant is the fastest).
  await p.press('-');
  await expect(stack.speed).toHaveValue('2');
  await p.slower.click();
  await expect(stack.speed).toHaveValue('1');
  await p.press('+');
  await p.faster.click();
  await expect(stack.speed).toHaveValue('0');

  // Escape leaves presenter mode: the Explorer is back.
  await p.focusPage();
  await p.press('Escape');
  await expect(p.enter).toBeVisible();
  await expect(p.lastCommand).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Explorer', exact: true })).toBeVisible();
  // … and the keys are the page's again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await p.press('b');
  await expect(p.blank).toHaveCount(0);
});

test('?present=1 opens the page in presenter mode', async ({ page }) => {
  const p = new PresenterPage(page);
  await page.goto('/?present=1');
  await expect(p.exit).toBeVisible();
  await expect(p.lastCommand).toBeVisible();
});

/** Every serious or critical violation on the page as it is now, one readable line per element. */
async function seriousViolations(page: Page, when: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${when}: [${v.impact}] ${v.id} (${v.help}) at ${n.target.join(' ')}\n    ` +
          (n.failureSummary ?? '').split('\n').slice(0, 2).join(' '),
      ),
    );
}

for (const theme of ['light', 'dark'] as const)
  test(`${theme} theme: axe finds no serious or critical violations in presenter mode`, async ({ page }) => {
    const t = new TerminalPage(page);
    const stack = new StackPage(page);
    const p = new PresenterPage(page);
    // The page takes its first theme from the system's; presenter mode has no theme button.
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/?present=1');
    await expect(t.input).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const found: string[] = [];
    found.push(...(await seriousViolations(page, 'on entering')));

    await copyUp(t, stack);
    found.push(...(await seriousViolations(page, 'after a copy-up')));
    await p.press('PageUp');
    await p.press('PageUp');
    await expect(stack.status).toContainText('into WorkDir');
    found.push(...(await seriousViolations(page, 'at the copy-up’s WorkDir step')));

    await p.focusPage();
    await p.press('b');
    await expect(p.blank).toBeVisible();
    found.push(...(await seriousViolations(page, 'with the screen blank')));
    expect(found, `axe found serious or critical violations:\n${found.join('\n')}`).toEqual([]);
  });
