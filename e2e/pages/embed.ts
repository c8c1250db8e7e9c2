import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * A page on another origin (its own port) that embeds Layerlab, as a blog would: it records every
 * message the frame sends (window.received) and sizes the frame to the height it reports.
 */
export function parentPages(app: string): Record<string, string> {
  const frame = `${app}/?embed=1&speed=0`;
  return {
    'iframe.html': `<!doctype html><html><head><meta charset="utf-8"><title>Parent</title></head><body>
<h1>A blog post</h1>
<iframe id="lab" src="${frame}" title="Layerlab" width="768" height="430" style="border:0"></iframe>
<script>
  window.received = [];
  const lab = document.getElementById('lab');
  window.addEventListener('message', (e) => {
    if (e.source !== lab.contentWindow || e.origin !== '${app}') return;
    window.received.push(e.data);
    if (e.data.type === 'height') lab.style.height = e.data.data.height + 'px';
  });
  window.send = (msg) => lab.contentWindow.postMessage(msg, '${app}');
</script></body></html>`,
    'element.html': `<!doctype html><html><head><meta charset="utf-8"><title>Parent</title>
<script src="${app}/layerlab-embed.js" defer></script></head><body>
<layerlab-embed id="lab" src="${app}/" lang="ko" speed="0"></layerlab-embed>
<script>
  window.received = [];
  for (const n of ['ready', 'commandrun', 'height'])
    document.getElementById('lab').addEventListener('layerlab-' + n, (e) => window.received.push({ type: n, data: e.detail }));
</script></body></html>`,
  };
}

/** A static server of the parent pages on its own port (python3 -m http.server). */
export async function serveParent(port: number, app: string): Promise<{ url: string; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-parent-'));
  for (const [name, html] of Object.entries(parentPages(app))) writeFileSync(join(dir, name), html);
  const server: ChildProcess = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
    cwd: dir,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${url}/iframe.html`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: () => void server.kill() };
}

export interface Received {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** The parent page with the embed in it. */
export class ParentPage {
  readonly frame: FrameLocator;
  readonly iframe: Locator;

  constructor(readonly page: Page) {
    this.iframe = page.locator('#lab, #lab iframe').last();
    this.frame = page.frameLocator('iframe');
  }

  received(type?: string): Promise<Received[]> {
    return this.page.evaluate(
      (t) => (window as unknown as { received: Received[] }).received.filter((m) => !t || m.type === t),
      type,
    );
  }

  /** Post a message to the frame from the parent's origin. */
  send(msg: unknown): Promise<void> {
    return this.page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), msg);
  }

  async waitFor(type: string, count = 1): Promise<Received[]> {
    await expect.poll(async () => (await this.received(type)).length).toBeGreaterThanOrEqual(count);
    return this.received(type);
  }
}
