import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type {
  CatalogConfig,
  CatalogFile,
  CatalogIndex,
  CatalogIndexImage,
  CatalogLayer,
} from '../../app/engine/catalog/catalog.ts';
import {
  CATALOG_VERSION,
  INDEX_FILE,
  parseCatalogFile,
  parseCatalogIndex,
  toImageSpec,
} from '../../app/engine/catalog/catalog.ts';
import type { Digest } from '../../app/engine/digest.ts';
import { digestOf } from '../../app/engine/digest.ts';
import { addImage, layerSize } from '../../app/engine/docker/images.ts';
import type { HistoryEntry } from '../../app/engine/docker/world.ts';
import { DEFAULT_PATH, emptyWorld } from '../../app/engine/docker/world.ts';
import { layerId } from '../../app/engine/ids.ts';
import { buildLayer, IMAGE_MTIME } from '../../app/engine/layer.ts';
import { layerTar } from '../../app/engine/tar.ts';
import { busyboxLayer } from './busybox.ts';
import { debianLayer } from './debian.ts';
import { History } from './dockerfile.ts';
import {
  httpdAptLayer,
  httpdBuildLayer,
  httpdForegroundLayer,
  httpdPrefixLayer,
  HTTPD_VERSION,
} from './httpd.ts';
import type { Entry } from './lib.ts';
import { text } from './lib.ts';
import {
  gosuLayer,
  GOSU_VERSION,
  MYSQL_SHELL_VERSION,
  MYSQL_VERSION,
  mysqlEntrypointLayer,
  mysqlKeyLayer,
  mysqlRepoLayer,
  mysqlServerLayer,
  mysqlShellLayer,
  mysqlUserLayer,
  oracleLinuxLayer,
  toolsLayer,
} from './mysql.ts';
import {
  nginxCopyLayer,
  nginxRunLayer,
  NGINX_SCRIPTS,
  NGINX_VERSION,
  NJS_VERSION,
  PKG_RELEASE,
} from './nginx.ts';

/**
 * `npm run catalog`: writes public/catalog/ — index.json and one file per image — from this machine's
 * Debian packages and the layouts in this folder. Every layer's diff ID and tar size are computed with
 * the engine's own layerTar and digestOf, so they are exactly what the engine would compute (the page
 * trusts them instead of hashing hundreds of MB); the blob digest is the SHA-256 of that tar gzipped,
 * and the manifest digest the SHA-256 of a manifest naming the image config and those blobs.
 * Run by hand on a Debian 12 machine (not in CI): its output is committed.
 */

const OUT = new URL('../../public/catalog/', import.meta.url);

interface ImageDef {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly file: string;
  readonly base: string | null;
  /** Its own layers (above the base's). */
  readonly layers: readonly (readonly Entry[])[];
  readonly config: CatalogConfig;
  readonly created: string;
  /** The history, given the diff IDs of all its layers (the base ADD names its file). */
  history(diffIds: readonly Digest[]): HistoryEntry[];
}

const hex = (d: Digest): string => d.slice('sha256:'.length);

function main(): void {
  const t0 = Date.now();
  const log = (msg: string): void =>
    void process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
  log('debian:bookworm-slim');
  const debian = debianLayer();
  log('nginx');
  const nginxRun = nginxRunLayer(debian);
  const nginxCopies = NGINX_SCRIPTS.map(([dir, name]) => nginxCopyLayer(dir, name));
  log('httpd');
  const httpdApt = httpdAptLayer(debian);
  const httpdBuild = httpdBuildLayer([...debian, ...httpdApt]);
  log('mysql');
  const ol = oracleLinuxLayer();
  const mysqlUser = mysqlUserLayer(ol);
  log('busybox');
  const busybox = busyboxLayer();

  const debianHistory = (diffIds: readonly Digest[]): History =>
    new History('2024-01-11T01:20:05Z')
      .legacy(`ADD file:${hex(diffIds[0]!)} in / `, false)
      .at('2024-01-11T01:20:06Z')
      .legacy(' CMD ["bash"]', true);

  const images: ImageDef[] = [
    {
      repository: 'debian',
      tags: ['bookworm-slim', '12-slim', 'stable-slim', '12.4-slim', 'bookworm-20240110-slim'],
      file: 'debian-bookworm-slim.json',
      base: null,
      layers: [debian],
      config: { Env: [DEFAULT_PATH], Cmd: ['bash'], Entrypoint: null, WorkingDir: '' },
      created: '2024-01-11T01:20:06Z',
      history: (d) => debianHistory(d).entries,
    },
    {
      repository: 'nginx',
      tags: [
        'latest',
        NGINX_VERSION,
        '1.25',
        '1',
        'mainline',
        'bookworm',
        `${NGINX_VERSION}-bookworm`,
        'mainline-bookworm',
      ],
      file: 'nginx.json',
      base: 'debian:bookworm-slim',
      layers: [nginxRun, ...nginxCopies],
      config: {
        Env: [
          DEFAULT_PATH,
          `NGINX_VERSION=${NGINX_VERSION}`,
          `NJS_VERSION=${NJS_VERSION}`,
          `PKG_RELEASE=${PKG_RELEASE}`,
        ],
        Cmd: ['nginx', '-g', 'daemon off;'],
        Entrypoint: ['/docker-entrypoint.sh'],
        WorkingDir: '',
        ExposedPorts: ['80/tcp'],
        StopSignal: 'SIGQUIT',
      },
      created: '2024-01-16T00:25:04Z',
      history(d) {
        const h = debianHistory(d).at('2024-01-16T00:24:04Z');
        h.step('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', true);
        h.env(`NGINX_VERSION=${NGINX_VERSION}`)
          .env(`NJS_VERSION=${NJS_VERSION}`)
          .env(`PKG_RELEASE=${PKG_RELEASE}`);
        h.run(text('nginx/Dockerfile-run'));
        h.at('2024-01-16T00:25:03Z');
        for (const [dir, name] of NGINX_SCRIPTS) h.copy(name, dir);
        h.at('2024-01-16T00:25:04Z');
        h.step('ENTRYPOINT ["/docker-entrypoint.sh"]', true).step('EXPOSE map[80/tcp:{}]', true);
        h.step('STOPSIGNAL SIGQUIT', true).step('CMD ["nginx" "-g" "daemon off;"]', true);
        return h.entries;
      },
    },
    {
      repository: 'httpd',
      tags: ['latest', HTTPD_VERSION, '2.4', '2', 'bookworm', `${HTTPD_VERSION}-bookworm`],
      file: 'httpd.json',
      base: 'debian:bookworm-slim',
      layers: [httpdPrefixLayer(), httpdApt, httpdBuild, httpdForegroundLayer()],
      config: {
        Env: [
          'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          'HTTPD_PREFIX=/usr/local/apache2',
          `HTTPD_VERSION=${HTTPD_VERSION}`,
          'HTTPD_SHA256=fa16d72a078210a54c47dd5bef2f8b9b8a01d94909a51453956b3ec6442ea4c5',
          'HTTPD_PATCHES=',
        ],
        Cmd: ['httpd-foreground'],
        Entrypoint: null,
        WorkingDir: '/usr/local/apache2',
        ExposedPorts: ['80/tcp'],
        StopSignal: 'SIGWINCH',
      },
      created: '2024-01-16T03:21:46Z',
      history(d) {
        const h = debianHistory(d).at('2024-01-16T03:19:22Z');
        h.env('HTTPD_PREFIX=/usr/local/apache2');
        h.env('PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
        h.run('mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"');
        h.step('WORKDIR /usr/local/apache2', true);
        h.run(text('httpd/Dockerfile-run-apt'));
        h.env(`HTTPD_VERSION=${HTTPD_VERSION}`);
        h.env('HTTPD_SHA256=fa16d72a078210a54c47dd5bef2f8b9b8a01d94909a51453956b3ec6442ea4c5');
        h.env('HTTPD_PATCHES=');
        h.at('2024-01-16T03:21:45Z').run(text('httpd/Dockerfile-run-build'));
        h.at('2024-01-16T03:21:46Z').step('STOPSIGNAL SIGWINCH', true);
        h.copy('httpd-foreground', '/usr/local/bin/');
        h.step('EXPOSE map[80/tcp:{}]', true).step('CMD ["httpd-foreground"]', true);
        return h.entries;
      },
    },
    {
      repository: 'mysql',
      tags: ['latest', '8.3.0', '8.3', '8', 'innovation', 'oracle', '8.3.0-oracle', 'innovation-oracle'],
      file: 'mysql.json',
      base: null,
      layers: [
        ol,
        mysqlUser,
        gosuLayer(),
        toolsLayer(),
        mysqlKeyLayer(),
        mysqlRepoLayer('mysql-community-minimal.repo', text('mysql/mysql-community-minimal.repo')),
        mysqlServerLayer(),
        mysqlRepoLayer('mysql-community-tools.repo', text('mysql/mysql-community-tools.repo')),
        mysqlShellLayer(),
        mysqlEntrypointLayer(),
      ],
      config: {
        Env: [
          DEFAULT_PATH,
          `GOSU_VERSION=${GOSU_VERSION}`,
          'MYSQL_MAJOR=innovation',
          `MYSQL_VERSION=${MYSQL_VERSION}`,
          `MYSQL_SHELL_VERSION=${MYSQL_SHELL_VERSION}`,
        ],
        Cmd: ['mysqld'],
        Entrypoint: ['docker-entrypoint.sh'],
        WorkingDir: '',
        ExposedPorts: ['3306/tcp', '33060/tcp'],
        Volumes: ['/var/lib/mysql'],
      },
      created: '2024-01-16T02:17:50Z',
      history(d) {
        const h = new History('2024-01-10T21:29:46Z')
          .legacy(`ADD file:${hex(d[0]!)} in / `, false)
          .at('2024-01-10T21:29:47Z')
          .legacy(' CMD ["/bin/bash"]', true)
          .at('2024-01-16T02:15:02Z');
        h.run(
          'set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql',
        );
        h.env(`GOSU_VERSION=${GOSU_VERSION}`);
        h.run(text('mysql/Dockerfile-run-gosu'));
        h.run(
          'set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all',
        );
        h.run(text('mysql/Dockerfile-run-key'));
        h.env('MYSQL_MAJOR=innovation').env(`MYSQL_VERSION=${MYSQL_VERSION}`);
        h.run(text('mysql/Dockerfile-run-repo'));
        h.at('2024-01-16T02:17:31Z').run(text('mysql/Dockerfile-run-server'));
        h.run(text('mysql/Dockerfile-run-tools-repo'));
        h.env(`MYSQL_SHELL_VERSION=${MYSQL_SHELL_VERSION}`);
        h.at('2024-01-16T02:17:49Z').run(
          'set -eux; \tmicrodnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; \tmicrodnf clean all; \t\tmysqlsh --version',
        );
        h.at('2024-01-16T02:17:50Z').step('VOLUME [/var/lib/mysql]', true);
        h.copy('docker-entrypoint.sh', '/usr/local/bin/');
        h.step('ENTRYPOINT ["docker-entrypoint.sh"]', true).step(
          'EXPOSE map[3306/tcp:{} 33060/tcp:{}]',
          true,
        );
        h.step('CMD ["mysqld"]', true);
        return h.entries;
      },
    },
    {
      repository: 'busybox',
      tags: ['latest', '1.36.1', '1.36', '1', 'stable', 'glibc', '1.36.1-glibc'],
      file: 'busybox.json',
      base: null,
      layers: [busybox],
      config: { Env: [DEFAULT_PATH], Cmd: ['sh'], Entrypoint: null, WorkingDir: '' },
      created: '2023-07-18T23:19:33Z',
      history: (d) =>
        new History('2023-07-18T23:19:33Z')
          .legacy(`ADD file:${hex(d[0]!)} in / `, false)
          .legacy(' CMD ["sh"]', true).entries,
    },
  ];

  // Each distinct layer once: the engine's tar, its diff ID and size; then its gzip for the blob digest.
  const computed = new Map<readonly Entry[], CatalogLayer>();
  const layerOf = (entries: readonly Entry[]): CatalogLayer => {
    let c = computed.get(entries);
    if (c) return c;
    let ino = 1;
    const layer = buildLayer(layerId('catalog'), entries, IMAGE_MTIME, () => ino++);
    const tar = layerTar(layer);
    const gz = gzipSync(tar, { level: 6 });
    c = {
      blob: `sha256:${createHash('sha256').update(gz).digest('hex')}`,
      compressedSize: gz.length,
      diffId: digestOf(tar),
      tarSize: tar.length,
      size: layerSize(layer),
    };
    computed.set(entries, c);
    return c;
  };

  const byRef = new Map<string, ImageDef>();
  for (const img of images) byRef.set(`${img.repository}:${img.tags[0]}`, img);
  const allLayers = (img: ImageDef): (readonly Entry[])[] =>
    img.base === null ? [...img.layers] : [...allLayers(byRef.get(img.base)!), ...img.layers];

  mkdirSync(OUT, { recursive: true });
  const indexImages: CatalogIndexImage[] = [];
  const files: [string, CatalogFile][] = [];
  for (const img of images) {
    log(`${img.repository}: digests`);
    const layers = allLayers(img).map(layerOf);
    const diffIds = layers.map((l) => l.diffId);
    const file: CatalogFile = {
      version: CATALOG_VERSION,
      ref: `${img.repository}:${img.tags[0]}`,
      layers: img.layers.map((entries) => ({ entries })),
      config: img.config,
      created: img.created,
      history: img.history(diffIds),
    };
    const provisional: CatalogIndexImage = {
      repository: img.repository,
      tags: img.tags,
      file: img.file,
      base: img.base,
      digest: `sha256:${'0'.repeat(64)}`,
      layers,
      size: layers.reduce((n, l) => n + l.size, 0),
    };
    // The image ID as the engine computes it when the image is pulled: the manifest names it.
    const [, rec] = addImage(
      emptyWorld(),
      toImageSpec({
        ref: file.ref,
        entry: provisional,
        layers: allLayers(img),
        config: img.config,
        created: img.created,
        history: file.history,
      }),
    );
    if (rec.config.rootfs.diff_ids.join() !== diffIds.join())
      throw new Error(`${img.repository}: diff IDs differ`);
    const manifest = JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: {
          mediaType: 'application/vnd.docker.container.image.v1+json',
          size: Buffer.byteLength(rec.configJson),
          digest: rec.id,
        },
        layers: layers.map((l) => ({
          mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          size: l.compressedSize,
          digest: l.blob,
        })),
      },
      null,
      3,
    );
    const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}` as Digest;
    indexImages.push({ ...provisional, digest });
    files.push([img.file, file]);
    log(
      `${img.repository}: ${layers.length} layers, ${(provisional.size / 1e6).toFixed(1)} MB, image ${rec.id.slice(7, 19)}`,
    );
  }

  const index: CatalogIndex = { version: CATALOG_VERSION, images: indexImages };
  writeFileSync(new URL(INDEX_FILE, OUT), JSON.stringify(index, null, 1) + '\n');
  for (const [name, file] of files) writeFileSync(new URL(name, OUT), fileJson(file));

  // Read back what was written, through the same checks the page and the replay use.
  const idx = parseCatalogIndex(JSON.parse(readFileSync(new URL(INDEX_FILE, OUT), 'utf8')));
  if (!idx.ok) throw new Error(`index.json: ${idx.error}`);
  for (const [name] of files) {
    const raw = readFileSync(new URL(name, OUT), 'utf8');
    const f = parseCatalogFile(JSON.parse(raw), idx.value, name);
    if (!f.ok) throw new Error(f.error);
    log(
      `${name}: ${(raw.length / 1024).toFixed(0)} KiB, gzip ${(gzipSync(raw).length / 1024).toFixed(0)} KiB`,
    );
  }
}

/** One entry per line: small diffs when the catalog is regenerated. */
function fileJson(f: CatalogFile): string {
  const layers = f.layers
    .map((l) => `{"entries":[\n${l.entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}`)
    .join(',\n');
  const { layers: _, ...head } = f;
  const rest = JSON.stringify(head);
  return `${rest.slice(0, -1)},"layers":[\n${layers}\n]}\n`;
}

main();
