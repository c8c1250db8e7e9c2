import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { TerminalPage } from './pages/terminal.ts';

// The built site, copied under a blog's sub-path and served by a plain static server on its own port.
const PORT = Number(process.env['E2E_SUBPATH_PORT'] ?? 4185);
const SUB = '/tools/layerlab/';
const builtDir = (port: number): string => (port === 4174 ? 'dist' : `/tmp/layerlab-e2e-${port}`);

test.describe('the built site', () => {
  let server: ChildProcess;
  test.beforeAll(async () => {
    const port = Number(new URL(test.info().project.use.baseURL!).port);
    const root = mkdtempSync(join(tmpdir(), 'layerlab-sub-'));
    cpSync(builtDir(port), join(root, SUB), { recursive: true });
    server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1'], {
      cwd: root,
      stdio: 'ignore',
    });
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}${SUB}`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  test.afterAll(() => void server.kill());

  test('works from a sub-path, and offline once loaded', async ({ page, context }) => {
    const url = `http://127.0.0.1:${PORT}${SUB}`;
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(r.url());
    });
    await page.goto(url);
    const t = new TerminalPage(page);
    await expect(t.input).toBeVisible();
    const run = await t.run('docker run --name nginx -d nginx');
    expect(await t.outputOf(run)).toMatch(/^[0-9a-f]{64}\n$/);
    expect(missing).toEqual([]);

    // The worker is this site's, scoped to the sub-path, and has kept the page's files.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(url);
    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await (await caches.open('layerlab-v1')).keys()).map((r) => new URL(r.url).pathname),
        ),
      )
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/\/assets\/.*\.js$/), `${SUB}catalog/nginx.json`]),
      );

    await context.setOffline(true);
    await page.reload();
    await expect(t.input).toBeVisible();
    // The saved session came back from the browser, and the machine runs offline.
    await expect(t.entries).toHaveCount(1);
    const ps = await t.run('docker ps');
    expect(await t.outputOf(ps)).toContain('nginx');
    // Every catalog image was kept, not only the one pulled so far.
    const pull = await t.run('docker pull busybox');
    await expect(t.stderrOf(pull)).toHaveCount(0);
    expect(await t.outputOf(pull)).toContain('busybox');
    await context.setOffline(false);
  });
});
