import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '../catalog/catalog.ts';
import {
  lookupCatalog,
  memoryCatalog,
  parseCatalogFile,
  parseCatalogIndex,
  pullCatalogImage,
} from '../catalog/catalog.ts';
import { NamespaceFs } from '../namespace-fs.ts';
import { normalize } from '../path.ts';
import { applyNamespace, containerNamespace, createContainer } from './containers.ts';
import { findImage } from './images.ts';
import { startContainer } from './lifecycle.ts';
import { mainProcess, startupPlan } from './startup.ts';
import type { Container, World } from './world.ts';
import { emptyWorld } from './world.ts';

// The start-up plans of the catalog's programs, decided from the container's own files.

const dir = new URL('../../../public/catalog/', import.meta.url);
const raw = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

function worldWith(...refs: string[]): World {
  const idx = parseCatalogIndex(raw('index.json'));
  if (!idx.ok) throw new Error(idx.error);
  const files = new Map<string, CatalogFile>();
  for (const img of idx.value.images) {
    const f = parseCatalogFile(raw(img.file), idx.value, img.file);
    if (f.ok) files.set(img.file, f.value);
  }
  const source = memoryCatalog(idx.value, files);
  let w = emptyWorld();
  for (const ref of refs) {
    const found = lookupCatalog(source, ref);
    if (found.kind !== 'image') throw new Error(ref);
    w = pullCatalogImage(w, found.image, found.tag).world;
  }
  return w;
}

function started(
  world: World,
  ref: string,
  opts: { command?: string[]; env?: string[]; readOnly?: boolean } = {},
): [World, Container] {
  const image = findImage(world, ref)!;
  const cfg = image.config.config;
  const [w1, c0] = createContainer(world, {
    image,
    imageRef: ref,
    name: 'c1',
    command: opts.command ?? [...(cfg.Entrypoint ?? []), ...(cfg.Cmd ?? [])],
    autoRemove: false,
    readOnly: opts.readOnly ?? false,
  });
  const c = { ...c0, env: [...c0.env, ...(opts.env ?? [])] };
  const w2 = startContainer({ ...w1, containers: new Map([[c.id, c]]) }, c.id, w1.clock);
  return [w2, w2.containers.get(c.id)!];
}

/** Write a file in the container, as a process in it would. */
function write(world: World, c: Container, path: string, text: string): [World, Container] {
  const fs = new NamespaceFs(containerNamespace(world, c), world.clock + 1);
  expect(fs.writeFile(normalize(path), text, { append: false }).ok).toBe(true);
  const w = applyNamespace(world, c, fs.ns);
  return [w, w.containers.get(c.id)!];
}

describe('mainProcess: what an entrypoint finally execs', () => {
  it('follows exec "$@", mysql prepending mysqld to options, httpd-foreground starting httpd', () => {
    expect(mainProcess(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'])).toEqual([
      'nginx',
      '-g',
      'daemon off;',
    ]);
    expect(mainProcess(['/docker-entrypoint.sh', 'bash'])).toEqual(['bash']);
    expect(mainProcess(['docker-entrypoint.sh', '--verbose'])).toEqual(['mysqld', '--verbose']);
    expect(mainProcess(['httpd-foreground'])).toEqual(['httpd', '-DFOREGROUND']);
    expect(mainProcess(['sh'])).toEqual(['sh']);
  });
});

describe('startupPlan', () => {
  const nginxWorld = worldWith('nginx');

  it('nginx: touch and sed default.conf (it is the packaged one), then the temp dirs and the pid file', () => {
    const [w, c] = started(nginxWorld, 'nginx');
    const plan = startupPlan(w, c);
    const lines = plan.script.split('\n').filter((l) => !l.startsWith('echo '));
    expect(lines).toEqual([
      'touch /etc/nginx/conf.d/default.conf',
      "sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' /etc/nginx/conf.d/default.conf",
      'mkdir -p -m 700 /var/cache/nginx/client_temp /var/cache/nginx/proxy_temp /var/cache/nginx/fastcgi_temp /var/cache/nginx/uwsgi_temp /var/cache/nginx/scgi_temp && echo 1 > /var/run/nginx.pid || exit 1',
    ]);
    expect(plan.script).toContain(
      "echo '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh'",
    );
    expect(plan.main).toEqual(['nginx', '-g', 'daemon off;']);
  });

  it('nginx: leaves default.conf alone when IPv6 is already on, or when it differs from the package', () => {
    const [w0, c0] = started(nginxWorld, 'nginx');
    const [w1, c1] = write(w0, c0, '/etc/nginx/conf.d/default.conf', 'server {\n    listen  [::]:80;\n}\n');
    expect(startupPlan(w1, c1).script).toContain('IPv6 listen already enabled');
    expect(startupPlan(w1, c1).script).not.toContain('sed ');
    const [w2, c2] = write(w0, c0, '/etc/nginx/conf.d/default.conf', 'server {\n    listen       80;\n}\n');
    expect(startupPlan(w2, c2).script).toContain('default.conf differs from the packaged version');
    expect(startupPlan(w2, c2).script).not.toContain('sed ');
  });

  it('nginx: on a read-only rootfs, leaves default.conf and stops at its temp dirs', () => {
    const [w, c] = started(nginxWorld, 'nginx', { readOnly: true });
    const script = startupPlan(w, c).script;
    expect(script).toContain('can not modify /etc/nginx/conf.d/default.conf (read-only file system?)');
    expect(script).not.toContain('touch ');
    // …and nginx itself cannot make its temp dirs: it stops, and the container with it.
    expect(script.split('\n').slice(-2)).toEqual([
      `echo 'nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)' >&2`,
      'exit 1',
    ]);
  });

  it('nginx: with NGINX_ENTRYPOINT_QUIET_LOGS the entrypoint prints nothing', () => {
    const [w, c] = started(nginxWorld, 'nginx', { env: ['NGINX_ENTRYPOINT_QUIET_LOGS=1'] });
    expect(startupPlan(w, c).script).not.toContain('/docker-entrypoint.sh:');
  });

  it('runs nothing of the entrypoint for another command', () => {
    const [w, c] = started(nginxWorld, 'nginx', { command: ['/docker-entrypoint.sh', 'bash'] });
    expect(startupPlan(w, c)).toEqual({ script: '', main: ['bash'] });
  });

  it('mysql: stops without a root password; initialises the data dir with one; only starts once it exists', () => {
    const w = worldWith('mysql');
    const [w0, c0] = started(w, 'mysql');
    expect(startupPlan(w0, c0).script).toMatch(
      /Database is uninitialized and password option is not specified' >&2\n[^]*exit 1$/,
    );
    const [w1, c1] = started(w, 'mysql', { env: ['MYSQL_ROOT_PASSWORD=secret'] });
    const init = startupPlan(w1, c1).script;
    expect(init).toContain('truncate -s 12582912 /var/lib/mysql/ibdata1 /var/lib/mysql/ibtmp1');
    expect(init.split('\n').at(-1)).toBe('echo 1 > /var/run/mysqld/mysqld.pid || exit 1');
    const fs = new NamespaceFs(containerNamespace(w1, c1), w1.clock);
    expect(fs.mkdir(normalize('/var/lib/mysql/mysql')).ok).toBe(true);
    const w2 = applyNamespace(w1, c1, fs.ns);
    const again = startupPlan(w2, w2.containers.get(c1.id)!).script;
    expect(again).not.toContain('Initializing');
    expect(again.split('\n').at(-1)).toBe('echo 1 > /var/run/mysqld/mysqld.pid || exit 1');
  });

  it('busybox and debian: nothing', () => {
    const w = worldWith('busybox', 'debian:bookworm-slim');
    const [w1, c1] = started(w, 'busybox');
    expect(startupPlan(w1, c1).script).toBe('');
    const [w2, c2] = started(w, 'debian:bookworm-slim');
    expect(startupPlan(w2, c2).script).toBe('');
  });
});
