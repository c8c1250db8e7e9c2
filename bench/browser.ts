import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import type { Measured } from './page-probe.ts';
import { installProbe } from './page-probe.ts';

// The page's own figures (issue #4, speed): the site is built into a temporary directory, served by
// `vite preview` on a free port and driven by Chromium the way a person would use it.

type Report = (key: string, value: number | string | null, note: string) => void;

const ROOT = new URL('..', import.meta.url).pathname;
const VITE = join(ROOT, 'node_modules', '.bin', 'vite');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** A command's animations at speed 1 last seconds; well past that, the window closes anyway. */
const ANIMATION_TIMEOUT_MS = 60_000;
/** Counts the image's files in the page's own terminal; a heavy line, not one of the walk-through's. */
const COUNT = 'find / | wc -l';

/** `more` drives the same served site afterwards (bench/import.ts opens an image in it). */
export async function browserBench(report: Report, more?: (url: string) => Promise<void>): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'llb-site-'));
  try {
    const built = spawnSync(VITE, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('vite build failed');
    const initial = initialJs(outDir);
    report(
      'initial_js_gzip_kb',
      initial.gzipBytes / 1000,
      `gzip -9 of ${initial.files.join(' + ')} (goal <= 160)`,
    );
    await withPreview(outDir, async (url) => {
      await drive(url, report);
      await more?.(url);
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * The JavaScript the page must load before it first renders: index.html's module scripts and
 * modulepreloads, and whatever those import statically (a dynamic import() is not followed).
 */
export function initialJs(outDir: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const pending = tags
    .filter((t) => /type="module"|rel="modulepreload"/.test(t))
    .map((t) => /(?:src|href)="\.?\/?([^"]+\.js)"/.exec(t)?.[1])
    .filter((f): f is string => f !== undefined);
  const seen = new Set<string>();
  let gzipBytes = 0;
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(outDir, file));
    gzipBytes += gzipSync(code, { level: 9 }).length;
    // Static imports in the minified chunk: `import{a as b}from"./x.js"` or `import"./x.js"`.
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code
      .toString('utf8')
      .matchAll(/\bimport\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g))
      pending.push(dir + m[1]!);
  }
  return { files: [...seen], gzipBytes };
}

async function withPreview(outDir: string, use: (url: string) => Promise<void>): Promise<void> {
  const port = await freePort();
  const server = spawn(
    VITE,
    ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(url).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 200 || server.exitCode !== null) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    await use(url);
  } finally {
    server.kill();
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });

/**
 * The blog's walk-through on nginx (debian:bookworm-slim under it: over 5,000 files in the image) at
 * speed 1: start a container, open a shell, append to a file of the image (copy-up), leave, commit.
 */
async function drive(url: string, report: Report): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx compiles with esbuild's keepNames, whose __name helper is not in the page.
    await page.addInitScript({ content: `var __name = (f) => f;\n(${installProbe.toString()})();` });
    await page.goto(url);
    const input = page.getByRole('textbox', { name: 'Command', exact: true });
    // The catalog is in and nginx pulled once the first command is suggested.
    await page.waitForFunction(() =>
      // The Images panel's file input comes first in the document now: look at every input.
      [...document.querySelectorAll('input')].some((i) => i.placeholder.startsWith('docker')),
    );
    const speed = page
      .getByRole('region', { name: 'Layer stack', exact: true })
      .getByRole('combobox', { name: 'Speed' });

    const type = async (line: string): Promise<void> => {
      await input.click();
      await input.fill(line);
    };
    const run = async (line: string): Promise<Measured> => {
      await type(line);
      const measured = page.evaluate((t) => window.__benchProbe!.measureAnimation(t), ANIMATION_TIMEOUT_MS);
      await input.press('Enter');
      return measured;
    };
    const output = async (): Promise<string> =>
      (await page.getByTestId('transcript-entry').last().textContent()) ?? '';

    // The lines around the two animations measured play instantly: nginx's start-up alone has dozens
    // of steps, a minute at speed 1.
    await speed.selectOption({ label: 'Instant' });
    await run('docker run -d --name web nginx');
    await run('docker exec -it web bash');
    await run(COUNT);
    const files = Number(/(\d+)\s*$/.exec(await output())?.[1] ?? NaN);
    report('image_files', files, `files and directories the container sees (\`${COUNT}\`)`);
    await speed.selectOption('1');
    const copyUp = await run('echo x >> /etc/nginx/nginx.conf');
    await speed.selectOption({ label: 'Instant' });
    await run('exit');
    await speed.selectOption('1');
    const commit = await run('docker commit web nginx:bench');

    const enters = (await page.evaluate(() => window.__benchProbe!.enters)).filter((e) => e.line !== COUNT);
    const worst = enters.reduce((a, b) => (b.frameMs > a.frameMs ? b : a));
    const median = percentile(
      enters.map((e) => e.frameMs),
      0.5,
    );
    report(
      'first_frame_ms',
      worst.frameMs,
      `Enter to the painted frame showing the typed line: worst of ${enters.length} (\`${worst.line}\`), median ${median?.toFixed(1)} (goal <= 50)`,
    );
    const slowest = enters.reduce((a, b) => (b.outputMs > a.outputMs ? b : a));
    report(
      'output_frame_ms',
      slowest.outputMs,
      `Enter to the painted frame showing the line's output: worst (\`${slowest.line}\`)`,
    );
    for (const e of enters)
      console.log(
        `  ${e.frameMs.toFixed(1).padStart(7)} ms echoed, ${e.outputMs.toFixed(1).padStart(7)} ms output (in the DOM at ${e.domMs.toFixed(1)})  ${e.line}`,
      );

    const both = [copyUp, commit];
    const tasks = both.flatMap((w) => w.longTasks);
    report(
      'long_task_max_ms',
      Math.max(0, ...tasks.map((t) => t.duration)),
      `longest task during the copy-up and commit animations, ${tasks.length} over 50 ms (goal <= 50)`,
    );
    const frames = both.flatMap((w) => w.frames);
    const seconds = Math.round((copyUp.ms + commit.ms) / 100) / 10;
    report(
      'frame_p95_ms',
      percentile(frames, 0.95),
      `95th percentile of ${frames.length} frames over ${seconds} s (goal <= 20)`,
    );
    report(
      'load_avg_1m',
      loadavg()[0]!,
      `the machine's load over its ${availableParallelism()} cores meanwhile: other work skews these timings`,
    );
    await pageErrors(page);
  } finally {
    await browser.close();
  }
}

function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** A bench of a broken page means nothing: say so if the page printed an internal error. */
async function pageErrors(page: Page): Promise<void> {
  const text = (await page.getByRole('log', { name: 'Transcript' }).textContent()) ?? '';
  if (text.includes('internal error')) console.warn('warning: the page reported an internal error');
}
