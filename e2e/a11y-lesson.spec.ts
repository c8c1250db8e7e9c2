import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

/**
 * Issue #5: axe finds no serious or critical violations with the lesson panel open in the full app
 * (the list, a step with its check passed, the fresh-machine question, a quiz answered) and in the
 * embed at 768 × 430, with and without a lesson — in both themes.
 */

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

const report = (found: string[]) => `axe found serious or critical violations:\n${found.join('\n')}`;

test.describe.configure({ timeout: 120_000 });

for (const theme of ['light', 'dark'] as const) {
  test(`${theme}: the lesson panel in the full app`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?lang=en&speed=0&theme=${theme}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const found: string[] = [];
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const panel = page.getByTestId('lesson-panel');
    await expect(panel.getByRole('button', { name: /The blog post, step by step/ })).toBeVisible();
    found.push(...(await seriousViolations(page, 'the list')));

    await panel.getByRole('button', { name: /The blog post, step by step/ }).click();
    await expect(page.getByTestId('figure-copy-vs-share')).toBeVisible();
    found.push(...(await seriousViolations(page, 'the tour’s first step, its figure')));
    for (let i = 0; i < 3; i++) await panel.getByRole('button', { name: 'Next', exact: true }).click();
    await panel.getByRole('button', { name: 'Type it for me' }).click();
    await expect(panel.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
    found.push(...(await seriousViolations(page, 'a step passed')));

    await panel.getByRole('button', { name: /All lessons/ }).click();
    await panel.getByRole('button', { name: /The blog post, step by step/ }).click();
    await expect(panel.getByRole('heading', { name: 'Start on a fresh machine?' })).toBeVisible();
    found.push(...(await seriousViolations(page, 'the fresh-machine question')));

    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByRole('button', { name: /Quizzes: predict, then watch/ }).click();
    for (let i = 0; i < 2; i++) {
      await panel.getByRole('button', { name: 'Type it for me' }).click();
      await panel.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await panel.getByRole('button', { name: 'Nothing: the file is in a read-only layer' }).click();
    await expect(panel.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
    found.push(...(await seriousViolations(page, 'a quiz answered')));
    expect(found, report(found)).toEqual([]);
  });

  test(`${theme}: the embed at 768×430, with and without a lesson`, async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 430 });
    const found: string[] = [];
    await page.goto(`/?embed=1&lang=en&speed=0&theme=${theme}`);
    await expect(page.getByRole('textbox', { name: 'Command', exact: true })).toBeVisible();
    found.push(...(await seriousViolations(page, 'the embed')));

    await page.goto(`/?embed=1&lang=en&speed=0&theme=${theme}&lesson=blog-tour&step=3`);
    const band = page.getByRole('region', { name: 'Lesson' });
    await expect(band).toContainText('Step 4 of 21');
    found.push(...(await seriousViolations(page, 'the embed with a lesson')));
    await band.getByRole('button', { name: 'Type it for me' }).click();
    await expect(band.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
    found.push(...(await seriousViolations(page, 'the embed with a step passed')));

    await page.goto(`/?embed=1&lang=ko&speed=0&theme=${theme}&lesson=blog-tour`);
    await expect(page.getByTestId('figure-copy-vs-share')).toBeVisible();
    found.push(...(await seriousViolations(page, 'the embed in Korean, the tour’s figure')));
    expect(found, report(found)).toEqual([]);
  });
}
