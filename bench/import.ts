import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import type { TarEntry } from '../app/engine/tar.ts';
import { TarWriter } from '../app/engine/tar.ts';

// Issue #6's import figures: a multi-layer image of over 100 MB, written here twice — a docker-archive
// for the page, an OCI layout for umoci — then opened in the page the
// way a person does (Images panel, "Open image…") and unpacked by Debian's umoci, in the same run.

type Report = (key: string, value: number | string | null, note: string) => void;

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const REF = 'layerlab-bench:import';
const LAYERS = 5;
const FILES_PER_LAYER = 1000;
/** Average file size; sizes spread evenly from 1 KB to twice this, so each layer is ~21 MB. */
const MEAN_FILE_BYTES = 21_000;
const LOAD_TIMEOUT_MS = 300_000;

export interface ImportImage {
  readonly dir: string;
  readonly dockerArchive: string;
  readonly ociArchive: string;
  readonly bytes: number;
  readonly layers: number;
  readonly files: number;
}

/** Seeded pseudo-random text (xorshift32 over a small alphabet with spaces and newlines). */
function textMaker(seed: number): (n: number) => string {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  const alphabet = new TextEncoder().encode('etaoinshrdlucmfwypvbgkjqxz     etaoinshrdlu\n      etaoinsh');
  const dec = new TextDecoder();
  return (n) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const r = next();
      b[i] = alphabet[r & 63]!;
      b[i + 1] = alphabet[(r >>> 8) & 63]!;
      b[i + 2] = alphabet[(r >>> 16) & 63]!;
      b[i + 3] = alphabet[(r >>> 24) & 63]!;
    }
    b[n - 1] = 10;
    return dec.decode(b.subarray(0, n));
  };
}

/**
 * The image: each layer a tree of its own text files, and from the second on a few files of the
 * layer below overwritten and one directory deleted, so the import applies whiteouts too. Written
 * here with the engine's TarWriter and hashed with node:crypto: the engine's own savers hash every
 * layer again in pure JavaScript (a minute for this image), which is not what is measured.
 */
export function buildImportImage(): ImportImage {
  const text = textMaker(0x1a7e4);
  const size = (i: number): number => 1000 + ((i * 7919) % (2 * MEAN_FILE_BYTES - 2000));
  const layers: Uint8Array[] = [];
  for (let l = 0; l < LAYERS; l++) {
    const files: [string, string][] = [];
    const dirs = new Set<string>(['srv/', `srv/l${l}/`]);
    for (let f = 0; f < FILES_PER_LAYER; f++) {
      dirs.add(`srv/l${l}/d${f % 20}/`);
      files.push([`srv/l${l}/d${f % 20}/f${f}.txt`, text(size(f + l))]);
    }
    if (l > 0) {
      dirs.add(`srv/l${l - 1}/`).add(`srv/l${l - 1}/d0/`);
      for (let f = 0; f < 10; f++) files.push([`srv/l${l - 1}/d0/f${f * 20}.txt`, text(500)]);
      files.push([`srv/l${l - 1}/.wh.d1`, '']);
    }
    layers.push(
      tarOf([
        ...[...dirs]
          .sort()
          .map((name) => ({ name, type: '5' as const, mode: 0o755, data: new Uint8Array(0) })),
        ...files.map(([name, t]) => ({ name, type: '0' as const, mode: 0o644, data: enc.encode(t) })),
      ]),
    );
  }
  const diffIds = layers.map(sha);
  const config = enc.encode(
    JSON.stringify({
      architecture: 'amd64',
      config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'] },
      created: '2024-01-01T00:00:00Z',
      history: layers.map((_, i) => ({
        created: '2024-01-01T00:00:00Z',
        created_by: `bench layer ${i + 1}`,
      })),
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: diffIds },
    }),
  );
  const configId = sha(config);
  const docker = tarOf([
    ...layers.map((data, i) => ({
      name: `${diffIds[i]!.slice(7)}/layer.tar`,
      type: '0' as const,
      mode: 0o644,
      data,
    })),
    { name: `${configId.slice(7)}.json`, type: '0', mode: 0o644, data: config },
    {
      name: 'manifest.json',
      type: '0',
      mode: 0o644,
      data: enc.encode(
        JSON.stringify([
          {
            Config: `${configId.slice(7)}.json`,
            RepoTags: [REF],
            Layers: diffIds.map((d) => `${d.slice(7)}/layer.tar`),
          },
        ]),
      ),
    },
  ]);
  const manifest = enc.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configId,
        size: config.length,
      },
      layers: layers.map((l, i) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: diffIds[i],
        size: l.length,
      })),
    }),
  );
  const index = {
    schemaVersion: 2,
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: sha(manifest),
        size: manifest.length,
        annotations: { 'org.opencontainers.image.ref.name': REF.slice(REF.lastIndexOf(':') + 1) },
      },
    ],
  };
  const blob = (data: Uint8Array): { name: string; type: '0'; mode: number; data: Uint8Array } => ({
    name: `blobs/sha256/${sha(data).slice(7)}`,
    type: '0',
    mode: 0o644,
    data,
  });
  const oci = tarOf([
    { name: 'oci-layout', type: '0', mode: 0o644, data: enc.encode('{"imageLayoutVersion":"1.0.0"}') },
    { name: 'index.json', type: '0', mode: 0o644, data: enc.encode(JSON.stringify(index)) },
    ...layers.map(blob),
    blob(config),
    blob(manifest),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'llb-import-'));
  const dockerArchive = join(dir, 'bench-import.tar');
  const ociArchive = join(dir, 'bench-import-oci.tar');
  writeFileSync(dockerArchive, docker);
  writeFileSync(ociArchive, oci);
  return {
    dir,
    dockerArchive,
    ociArchive,
    bytes: docker.length,
    layers: LAYERS,
    files: LAYERS * FILES_PER_LAYER,
  };
}

const enc = new TextEncoder();
const sha = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function tarOf(entries: readonly Omit<TarEntry, 'uid' | 'gid' | 'mtime'>[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const w = new TarWriter((c) => parts.push(c));
  for (const e of entries) w.add({ ...e, uid: 0, gid: 0, mtime: 1700000000 });
  w.finish();
  return Buffer.concat(parts);
}

/** Open the docker-archive through the Images panel's file input; ms until "Loaded image:" is printed. */
export async function importInPage(url: string, image: ImportImage): Promise<number> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForFunction(() =>
      // The Images panel's file input comes first in the document now: look at every input.
      [...document.querySelectorAll('input')].some((i) => i.placeholder.startsWith('docker')),
    );
    const panel = page.getByRole('region', { name: 'Images', exact: true });
    const loaded = page.getByRole('log', { name: 'Transcript' }).getByText(`Loaded image: ${REF}`).first();
    const start = performance.now();
    await panel.locator('input[type="file"]').setInputFiles(image.dockerArchive);
    await loaded.waitFor({ timeout: LOAD_TIMEOUT_MS });
    return performance.now() - start;
  } finally {
    await browser.close();
  }
}

/** `umoci unpack --rootless` of the OCI layout (extracted first, untimed): best of three, or why not. */
export function umociUnpack(image: ImportImage): { ms: number } | { error: string } {
  const which = spawnSync('umoci', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) return { error: 'umoci is not installed (apt-get install -y umoci)' };
  const layout = join(image.dir, 'oci');
  mkdirSync(layout);
  const x = spawnSync('tar', ['-xf', image.ociArchive, '-C', layout], { encoding: 'utf8' });
  if (x.status !== 0) return { error: `tar -xf failed: ${x.stderr}` };
  const tag = REF.slice(REF.lastIndexOf(':') + 1);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const bundle = join(image.dir, `bundle${i}`);
    const start = performance.now();
    const r = spawnSync('umoci', ['unpack', '--rootless', '--image', `${layout}:${tag}`, bundle], {
      encoding: 'utf8',
    });
    const ms = performance.now() - start;
    rmSync(bundle, { recursive: true, force: true });
    if (r.status !== 0) return { error: `umoci unpack failed: ${r.stderr.trim()}` };
    best = Math.min(best, ms);
  }
  return { ms: best };
}

/** Both figures; the page part runs against the site `browserBench` serves. */
export async function importBench(report: Report, url: string, image: ImportImage): Promise<void> {
  const mb = image.bytes / 1e6;
  const pageMs = await importInPage(url, image);
  report(
    'import_mb_per_s',
    mb / (pageMs / 1000),
    `page: ${mb.toFixed(1)} MB docker-archive, ${image.layers} layers, ${image.files} files, loaded in ${(pageMs / 1000).toFixed(2)} s`,
  );
  const umoci = umociUnpack(image);
  report(
    'import_vs_umoci',
    'ms' in umoci ? pageMs / umoci.ms : null,
    'ms' in umoci
      ? `page / \`umoci unpack --rootless\` of the same image as an OCI layout (${(umoci.ms / 1000).toFixed(2)} s, best of 3) (goal <= 1.0)`
      : `not measured: ${umoci.error}`,
  );
}
