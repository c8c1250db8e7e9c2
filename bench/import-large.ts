import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { TarWriter } from '../app/engine/tar.ts';

// Issue #6: "an image of 500 MB with 50,000 files imports and browses without freezing", and the page
// never holds the archive, or a layer, twice. A seeded 20-layer image of that size is written here
// (text and binary files, overwrites and whiteouts), opened through the Images panel, then browsed
// from a container; the renderer's memory is sampled from /proc throughout, and every long task on
// the page's main thread is recorded.

type Report = (key: string, value: number | string | null, note: string) => void;

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const REF = 'layerlab-bench:large';
const LAYERS = 20;
const FILES_PER_LAYER = 2500;
/** Mean file size: sizes spread evenly up to twice this; every tenth file is binary. */
const MEAN_FILE_BYTES = 10_000;

export interface LargeImage {
  readonly dir: string;
  readonly path: string;
  readonly bytes: number;
  readonly files: number;
}

/** xorshift32 bytes: text over a small alphabet, or anything (a binary). */
function bytesMaker(seed: number): (n: number, binary: boolean) => Uint8Array {
  let s = seed >>> 0 || 1;
  const alphabet = new TextEncoder().encode('etaoinshrdlucmfwypvbgkjqxz     etaoinshrdlu\n      etaoinsh');
  return (n, binary) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const r = s >>> 0;
      for (let k = 0; k < 4 && i + k < n; k++) {
        const v = (r >>> (8 * k)) & 0xff;
        b[i + k] = binary ? v : alphabet[v & 63]!;
      }
    }
    if (binary && n > 0) b[0] = 0x7f;
    else if (n > 0) b[n - 1] = 10;
    return b;
  };
}

function layerTar(l: number, make: (n: number, binary: boolean) => Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const w = new TarWriter((c) => parts.push(c));
  const add = (name: string, type: '0' | '5', data: Uint8Array, mode = 0o644): void =>
    w.add({ name, type, mode, uid: 0, gid: 0, mtime: 1700000000, data });
  const none = new Uint8Array(0);
  if (l === 0) {
    add('bin/', '5', none, 0o755);
    // Stand-ins for the programs the browse lines run (the simulator runs its own).
    for (const p of ['sh', 'sleep', 'ls', 'find', 'wc', 'cat'])
      add(`bin/${p}`, '0', make(40_000, true), 0o755);
  }
  add('srv/', '5', none, 0o755);
  add(`srv/l${l}/`, '5', none, 0o755);
  for (let d = 0; d < 25; d++) add(`srv/l${l}/d${d}/`, '5', none, 0o755);
  for (let f = 0; f < FILES_PER_LAYER; f++) {
    const size = 200 + ((f * 7919 + l * 104729) % (2 * MEAN_FILE_BYTES - 400));
    add(`srv/l${l}/d${f % 25}/f${f}${f % 10 === 0 ? '.bin' : '.txt'}`, '0', make(size, f % 10 === 0));
  }
  if (l > 0) {
    add(`srv/l${l - 1}/`, '5', none, 0o755);
    add(`srv/l${l - 1}/d0/`, '5', none, 0o755);
    for (let f = 0; f < 20; f++) add(`srv/l${l - 1}/d0/f${(f + 1) * 25}.txt`, '0', make(300, false));
    add(`srv/l${l - 1}/.wh.d1`, '0', none, 0o600);
  }
  w.finish();
  return Buffer.concat(parts);
}

/** The image as a docker-archive on disk, written layer by layer (never all in Node's memory at once). */
export function buildLargeImage(): LargeImage {
  const dir = mkdtempSync(join(tmpdir(), 'llb-large-'));
  const path = join(dir, 'large.tar');
  const fd = openSync(path, 'w');
  const out = new TarWriter((c) => void writeSync(fd, c));
  const make = bytesMaker(0x5eed);
  const diffIds: string[] = [];
  try {
    for (let l = 0; l < LAYERS; l++) {
      const tar = layerTar(l, make);
      const diffId = sha(tar);
      diffIds.push(diffId);
      out.add({
        name: `${diffId.slice(7)}/layer.tar`,
        type: '0',
        mode: 0o644,
        uid: 0,
        gid: 0,
        mtime: 0,
        data: tar,
      });
    }
    const config = enc.encode(
      JSON.stringify({
        architecture: 'amd64',
        config: { Env: ['PATH=/bin'], Cmd: ['sh'] },
        created: '2024-01-01T00:00:00Z',
        history: diffIds.map((_, i) => ({
          created: '2024-01-01T00:00:00Z',
          created_by: `bench layer ${i + 1}`,
        })),
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: diffIds },
      }),
    );
    const configName = `${sha(config).slice(7)}.json`;
    out.add({ name: configName, type: '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, data: config });
    const manifest = [
      { Config: configName, RepoTags: [REF], Layers: diffIds.map((d) => `${d.slice(7)}/layer.tar`) },
    ];
    out.add({
      name: 'manifest.json',
      type: '0',
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: 0,
      data: enc.encode(JSON.stringify(manifest)),
    });
    out.finish();
  } finally {
    closeSync(fd);
  }
  const bytes = Number(execFileSync('stat', ['-c', '%s', path], { encoding: 'utf8' }).trim());
  return { dir, path, bytes, files: LAYERS * FILES_PER_LAYER };
}

const enc = new TextEncoder();
const sha = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Resident memory (MB) of the browser's renderer processes: the page and its workers live there. */
function rendererRssMb(browserPid: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 8; p = parent.get(p), hops++)
      if (p === browserPid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!descends(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

/** Long tasks on the page's main thread since the page loaded: [start, duration] in ms. */
const longTasksScript = (): void => {
  const w = window as unknown as { __longTasks: [number, number][] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

const longestSince = async (page: Page, t0: number): Promise<number> =>
  page.evaluate(
    (since) =>
      Math.max(
        0,
        ...(window as unknown as { __longTasks: [number, number][] }).__longTasks
          .filter(([s]) => s >= since)
          .map(([, d]) => d),
      ),
    t0,
  );

/** Type a line at the terminal and wait for its transcript entry to show `expect`. */
async function typeLine(page: Page, line: string, expect: string | RegExp): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Command', exact: true });
  await input.fill(line);
  await input.press('Enter');
  try {
    await page
      .getByRole('log', { name: 'Transcript' })
      .getByText(expect)
      .last()
      .waitFor({ timeout: 120_000 });
  } catch (e) {
    await page.screenshot({ path: join(tmpdir(), 'llb-large-failed.png') });
    throw e;
  }
}

export async function largeImportBench(report: Report, url: string, image: LargeImage): Promise<void> {
  const before = browserPids();
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const browserPid = browserPids().find((p) => !before.includes(p));
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    });
    await context.addInitScript(longTasksScript);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('input')].some((i) => i.placeholder.startsWith('docker')),
    );
    const pid = browserPid;
    const rssBefore = pid ? rendererRssMb(pid) : 0;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      if (pid) peak = Math.max(peak, rendererRssMb(pid));
    }, 100);
    const t0 = await page.evaluate(() => performance.now());
    const start = performance.now();
    await page
      .getByRole('region', { name: 'Images', exact: true })
      .locator('input[type="file"]')
      .setInputFiles(image.path);
    await page
      .getByRole('log', { name: 'Transcript' })
      .getByText(`Loaded image: ${REF}`)
      .first()
      .waitFor({ timeout: 600_000 });
    const importMs = performance.now() - start;
    const importLongest = await longestSince(page, t0);
    const t1 = await page.evaluate(() => performance.now());
    await typeLine(page, `docker history ${REF}`, 'bench layer 20');
    await typeLine(page, `docker run -d --name big ${REF} sleep 1000`, /[0-9a-f]{64}/);
    await typeLine(page, 'docker exec big ls /srv/l7/d3', 'f103.txt');
    await typeLine(page, 'docker exec big find /srv -name f2499.txt', '/srv/l19/d24/f2499.txt');
    await typeLine(page, 'docker exec big sh -c "echo changed >> /srv/l5/d2/f2.txt"', /\$ /);
    await typeLine(page, 'docker diff big', 'C /srv/l5/d2/f2.txt');
    const browseLongest = await longestSince(page, t1);
    clearInterval(sampler);
    const after = pid ? rendererRssMb(pid) : 0;
    const mb = image.bytes / 1e6;
    report(
      'import_large_s',
      importMs / 1000,
      `page: ${mb.toFixed(0)} MB docker-archive, ${LAYERS} layers, ${image.files} files, opened through the Images panel`,
    );
    report(
      'import_large_longest_task_ms',
      importLongest,
      'the longest task on the main thread while it loaded (parsing runs in a worker)',
    );
    report(
      'browse_large_longest_task_ms',
      browseLongest,
      'the longest main-thread task while browsing it: history, run, ls, find over 50 000 files, a write, diff',
    );
    report(
      'import_large_peak_rss_mb',
      pid ? peak - rssBefore : null,
      pid
        ? `renderer memory added at its peak (${rssBefore.toFixed(0)} MB before; ${(after - rssBefore).toFixed(0)} MB after browsing) for a ${mb.toFixed(0)} MB archive`
        : 'not measured: no browser pid',
    );
  } finally {
    await browser.close();
  }
}

/** Chromium browser processes (not its renderers or helpers): the one launched is the new one. */
function browserPids(): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (/chrom/.test(cmd.split('\0')[0] ?? '') && !cmd.includes('--type=')) out.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return out;
}

export function removeLargeImage(image: LargeImage): void {
  rmSync(image.dir, { recursive: true, force: true });
}
