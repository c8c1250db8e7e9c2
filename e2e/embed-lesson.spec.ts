import { expect, test } from '@playwright/test';
import { ParentPage, serveParent } from './pages/embed.ts';
import { TerminalPage } from './pages/terminal.ts';

// A lesson inside the embed, as a blog post carries one: the step as a band above the terminal and
// the stack, at the embed's 768 × 430. Its own parent port: embed.spec.ts may run beside it.
const PARENT_PORT = Number(process.env['E2E_PARENT_PORT'] ?? 4184) + 2;

test.describe('a lesson in the embed', () => {
  test('?lesson=blog-tour&step=3 shows step 4 on a machine that matches it; terminal and stack usable', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 768, height: 430 });
    await page.goto('/?embed=1&lang=en&speed=0&lesson=blog-tour&step=3');
    const band = page.getByRole('region', { name: 'Lesson' });
    await expect(band).toContainText('Step 4 of 21');
    await expect(band).toContainText('Start a test nginx container');
    await expect(band.getByRole('heading', { name: 'The blog post, step by step' })).toBeVisible();
    await expect(band.getByRole('button', { name: 'Previous' })).toBeInViewport();
    await expect(band.getByRole('button', { name: 'Next' })).toBeInViewport();

    // The steps before it ran, as "Type it for me" would have: docker info is in the terminal.
    const t = new TerminalPage(page);
    await expect(t.entries).toHaveCount(1);
    await expect(t.entries.first()).toContainText('Storage Driver: overlay2');

    await band.getByRole('button', { name: 'Type it for me' }).click();
    await expect(band.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
    await expect(t.input).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Layer stack' })).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Layer stack' })).toContainText('Upper');

    await band.getByRole('button', { name: 'Next' }).click();
    await expect(band).toContainText('Step 5 of 21');
    // The terminal is the reader's too: a line typed there counts for the step.
    const run = await t.run("docker image inspect nginx | jq '.[].RootFS'");
    expect(await t.outputOf(run)).toContain('"Layers"');
    await expect(band.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
    await band.getByRole('button', { name: 'Previous' }).click();
    await expect(band).toContainText('Step 4 of 21');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  });

  test('in Korean, and without a lesson there is no band', async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 430 });
    await page.goto('/?embed=1&lang=ko&speed=0&lesson=blog-tour');
    const band = page.getByRole('region', { name: '레슨' });
    await expect(band).toContainText('21단계 중 1단계');
    await expect(band.getByRole('button', { name: '다음' })).toBeVisible();
    await page.goto('/?embed=1&lang=en&speed=0');
    await expect(new TerminalPage(page).input).toBeVisible();
    await expect(page.getByTestId('lesson-band')).toHaveCount(0);
  });

  test('a parent’s loadLesson starts the tour on a fresh machine, at the step asked for', async ({
    page,
    baseURL,
  }) => {
    const parent = await serveParent(PARENT_PORT, new URL(baseURL!).origin);
    try {
      await page.setViewportSize({ width: 900, height: 900 });
      await page.goto(`${parent.url}/iframe.html`);
      const p = new ParentPage(page);
      await p.waitFor('ready');
      await p.send({ type: 'run', data: 'docker run --name nginx -d nginx' });
      await p.waitFor('commandRun');
      await p.send({ type: 'loadLesson', data: { lesson: 'blog-tour', step: 3 } });
      const band = p.frame.getByRole('region', { name: 'Lesson' });
      await expect(band).toContainText('Step 4 of 21');
      await band.getByRole('button', { name: 'Type it for me' }).click();
      await expect(band.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
      // The band made the page taller: the parent was told, and sized the frame.
      await expect
        .poll(async () => ((await p.received('height')).at(-1)?.data['height'] as number) ?? 0)
        .toBeGreaterThan(430);
    } finally {
      parent.stop();
    }
  });
});
