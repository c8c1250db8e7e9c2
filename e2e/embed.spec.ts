import { expect, test } from '@playwright/test';
import { ParentPage, serveParent } from './pages/embed.ts';
import { TerminalPage } from './pages/terminal.ts';

// The parent page is on another origin: the same host, its own port.
const PARENT_PORT = Number(process.env['E2E_PARENT_PORT'] ?? 4184);

test.describe('the embed', () => {
  let parent: { url: string; stop(): void };
  test.beforeAll(async () => {
    parent = await serveParent(PARENT_PORT, new URL(test.info().project.use.baseURL!).origin);
  });
  test.afterAll(() => parent.stop());

  test('works at 768×430: terminal and stack, the full-app link, no other site', async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width: 768, height: 430 });
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    await page.goto('/?embed=1&lang=en&theme=dark&speed=0&lesson=blog-tour&nonsense=1');
    const t = new TerminalPage(page);
    await expect(t.input).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Layer stack' })).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0); // no full header
    await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
    const full = page.getByRole('link', { name: /Open the full app/ });
    await expect(full).toHaveAttribute('target', '_blank');
    await expect(full).toHaveAttribute('rel', /noopener/);
    const href = new URL((await full.getAttribute('href'))!);
    expect(href.searchParams.has('embed')).toBe(false);
    expect(href.searchParams.get('lang')).toBe('en');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    const run = await t.run('docker run --name nginx -d nginx');
    expect(await t.outputOf(run)).toMatch(/^[0-9a-f]{64}\n$/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(768);
    expect(elsewhere).toEqual([]);
  });

  test('is driven by postMessage from a page on another origin, and sizes it', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto(`${parent.url}/iframe.html`);
    const p = new ParentPage(page);
    await p.waitFor('ready');
    const [first] = await p.waitFor('height');
    expect(first!.data['height']).toBeGreaterThan(200);

    // Messages of the wrong shape are ignored.
    await p.send({ type: 'run', data: 42 });
    await p.send({ type: 'eval', data: 'document.body.remove()' });
    await p.send('run docker ps');
    await p.send({ type: 'run', data: 'echo <b>x</b>', extra: true });

    await p.send({ type: 'run', data: 'docker run --name nginx -d nginx' });
    const [ran] = await p.waitFor('commandRun');
    expect(ran!.data).toMatchObject({ command: 'docker run --name nginx -d nginx', exitCode: 0 });
    expect(ran!.data['output']).toMatch(/^[0-9a-f]{64}\n$/);
    expect(await p.received('commandRun')).toHaveLength(1);
    await expect(p.frame.getByRole('log', { name: 'Transcript' })).toContainText('docker run --name nginx');

    // A taller page (the stack of nginx's layers) is reported, and the parent sizes the frame to it.
    await expect.poll(async () => (await p.received('height')).length).toBeGreaterThan(1);
    // The page may report again while it settles: the frame follows the latest height reported.
    const latest = async (): Promise<number> => (await p.received('height')).at(-1)!.data['height'] as number;
    await expect
      .poll(async () => {
        const want = await latest();
        return (await p.iframe.boundingBox())?.height === want;
      })
      .toBe(true);
    expect(await latest()).not.toBe(first!.data['height']);

    // Step and play: stepChanged comes back.
    await p.send({ type: 'step', data: 'back' });
    await p.waitFor('stepChanged');
    await p.send({ type: 'run', data: 'docker exec nginx touch /TEST' });
    await p.waitFor('commandRun', 2);
  });

  test('the script and custom element make the frame and size it', async ({ page }) => {
    await page.goto(`${parent.url}/element.html`);
    const p = new ParentPage(page);
    await p.waitFor('ready');
    const [h] = await p.waitFor('height');
    await expect
      .poll(async () => (await page.locator('layerlab-embed iframe').boundingBox())?.height)
      .toBe(h!.data['height']);
    await expect(p.frame.getByRole('link', { name: /전체 앱 열기/ })).toBeVisible();
    await page.evaluate(() =>
      (document.getElementById('lab') as unknown as { run(l: string): void }).run('docker ps'),
    );
    const [ran] = await p.waitFor('commandrun');
    expect(ran!.data).toMatchObject({ command: 'docker ps', exitCode: 0 });
  });
});
