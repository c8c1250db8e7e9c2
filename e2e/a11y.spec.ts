import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer.ts';
import { StackPage } from './pages/stack.ts';
import { TerminalPage } from './pages/terminal.ts';

/**
 * Issue #4: an axe check of the whole page finds no serious or critical violations — after
 * loading, during and after a copy-up, with each Explorer tab open, in both themes, on a laptop
 * and on a phone. Other impacts (moderate, minor) are left to review.
 */

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

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 375, height: 740 },
] as const;

for (const viewport of VIEWPORTS)
  test.describe(`axe at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    // Each test runs axe six times over the whole page: on a busy 2-core machine that takes longer
    // than the default 30 s (a limit on waiting, not a measure of the app).
    test.describe.configure({ timeout: 120_000 });

    for (const theme of ['light', 'dark'] as const)
      test(`${theme} theme: no serious or critical violations after loading, a copy-up and on each Explorer tab`, async ({
        page,
      }) => {
        const t = new TerminalPage(page);
        const stack = new StackPage(page);
        const x = new ExplorerPage(page);
        const found: string[] = [];
        await t.goto();
        if (theme === 'dark') {
          const dark = page.getByRole('button', { name: 'Dark theme' });
          await dark.click();
          await expect(dark).toHaveAttribute('aria-pressed', 'true');
        }
        found.push(...(await seriousViolations(page, 'after loading')));

        await stack.instant();
        await t.run('docker run -d --name web demo');
        await t.run('docker exec -it web sh');
        await t.run('echo hi >> /etc/app/app.conf');
        await expect(stack.count).toHaveText('Step 4 of 4');
        found.push(...(await seriousViolations(page, 'after a copy-up')));
        // The copy in WorkDir, marks on three bands at once.
        await stack.stepBack.click();
        await stack.stepBack.click();
        await expect(stack.status).toContainText('into WorkDir');
        found.push(...(await seriousViolations(page, 'at the copy-up’s WorkDir step')));

        for (const tab of ['Files', 'Diff', 'History', 'Host'] as const) {
          await x.open(tab);
          await expect(x.tab(tab)).toHaveAttribute('aria-selected', 'true');
          found.push(...(await seriousViolations(page, `with the Explorer’s ${tab} tab open`)));
        }
        expect(found, `axe found serious or critical violations:\n${found.join('\n')}`).toEqual([]);
      });
  });
