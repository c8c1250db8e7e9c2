import { expect, test } from '@playwright/test';
import { StackPage } from './pages/stack.ts';
import { TerminalPage } from './pages/terminal.ts';

test.describe('the layer stack', () => {
  test('a write to a lower file is told step by step: copy-up, then the write on the copy', async ({
    page,
  }) => {
    const t = new TerminalPage(page);
    const stack = new StackPage(page);
    await t.goto();
    await stack.instant();
    await t.run('docker run -d --name web demo');
    await t.run('docker exec -it web sh');

    await expect(stack.bands('Merged')).toHaveCount(1);
    await expect(stack.bands('Upper')).toHaveCount(1);
    await expect(stack.bands('Init')).toHaveCount(1);
    await expect(stack.bands('Image layer')).toHaveCount(3);

    await t.run('echo hi >> /etc/app/app.conf');
    // At speed 0 the command plays through at once: its last step, the write on the copy, is told.
    await expect(stack.status).toContainText('appended to the copy of /etc/app/app.conf in the upper');
    await expect(stack.panel.getByText('Step 4 of 4')).toBeVisible();

    await stack.stepBack.click();
    await expect(stack.status).toContainText('renamed from WorkDir into the upper');
    await stack.stepBack.click();
    await expect(stack.status).toContainText('Copy-up: the whole file /etc/app/app.conf (47 bytes)');
    await expect(stack.panel.getByRole('navigation', { name: 'Directory' })).toContainText('app');

    await stack.stepForward.click();
    await expect(stack.status).toContainText('renamed from WorkDir into the upper');
    await expect(stack.bands('Upper').first()).toBeVisible();
  });

  test('the breadcrumb opens a directory and goes back to /', async ({ page }) => {
    const t = new TerminalPage(page);
    const stack = new StackPage(page);
    await t.goto();
    await stack.instant();
    await t.run('docker run -d --name web demo');
    await stack.panel
      .getByRole('group', { name: 'Open a directory' })
      .getByRole('button', { name: 'etc/' })
      .click();
    const crumbs = stack.panel.getByRole('navigation', { name: 'Directory' });
    await expect(crumbs.locator('[aria-current]')).toHaveText('etc');
    await crumbs.getByRole('button', { name: '/', exact: true }).click();
    await expect(crumbs.locator('[aria-current]')).toHaveText('/');
  });
});
