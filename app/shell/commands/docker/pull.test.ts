import { describe, expect, it } from 'vitest';
import { diskCatalog } from '../../../cli/disk-catalog.ts';
import type { CatalogIndex, CatalogIndexImage } from '../../../engine/catalog/catalog.ts';
import { memoryCatalog } from '../../../engine/catalog/catalog.ts';
import { containersOut } from '../../../replay/replay.ts';
import { createSession, runLine } from '../../session.ts';
import type { LineResult, Session } from '../../session.ts';

// docker pull and the pull docker run makes, from the built-in catalog (public/catalog), typed at the
// prompt; and what the catalog images' programs do to the filesystem as they start.

interface Typed {
  readonly session: Session;
  readonly results: LineResult[];
  readonly text: string[];
}

function type(session: Session, ...lines: string[]): Typed {
  const results: LineResult[] = [];
  let s = session;
  for (const line of lines) {
    const r = runLine(s, line);
    s = r.session;
    results.push(r);
  }
  return { session: s, results, text: results.map((r) => r.output.map((c) => c.text).join('')) };
}

const fresh = (): Session => createSession({ catalog: diskCatalog() });
const index = (): CatalogIndex => diskCatalog().index!;
const entry = (repo: string): CatalogIndexImage => index().images.find((i) => i.repository === repo)!;
const short = (d: string): string => d.slice(7, 19);

/** The lines the docker CLI leaves for a pull, once its progress bars are done. */
function pullLines(repo: string, existing = 0): string {
  const e = entry(repo);
  return (
    `latest: Pulling from library/${repo}\n` +
    e.layers
      .map((l, i) => `${short(l.blob)}: ${i < existing ? 'Already exists' : 'Pull complete'}\n`)
      .join('') +
    `Digest: ${e.digest}\nStatus: Downloaded newer image for ${repo}:latest\n`
  );
}

describe('docker pull', () => {
  it('prints each layer, the digest and the status; httpd finds the Debian layer nginx brought', () => {
    const r = type(fresh(), 'docker pull nginx', 'docker pull httpd');
    expect(r.results.map((x) => x.exitCode)).toEqual([0, 0]);
    expect(r.text[0]).toBe(
      `Using default tag: latest\n${pullLines('nginx')}docker.io/library/nginx:latest\n`,
    );
    expect(r.text[1]).toBe(
      `Using default tag: latest\n${pullLines('httpd', 1)}docker.io/library/httpd:latest\n`,
    );
    expect(r.results[0]!.output.every((c) => c.stream === 'stdout')).toBe(true);
    expect(r.results[1]!.events).toEqual(
      entry('httpd').layers.map((_, i) =>
        expect.objectContaining({ type: 'layer-pulled', existed: i === 0 }),
      ),
    );
    const images = type(r.session, 'docker images').text[0]!;
    expect(images).toMatch(/^nginx +latest +[0-9a-f]{12} +6 days ago +187MB$/m);
    expect(images).toMatch(/^httpd +latest +[0-9a-f]{12} +6 days ago +1\d\dMB$/m);
  });

  it('says the image is up to date when it is', () => {
    const r = type(fresh(), 'docker pull nginx', 'docker pull nginx:latest', 'docker pull -q nginx');
    expect(r.text[1]).toBe(
      `latest: Pulling from library/nginx\nDigest: ${entry('nginx').digest}\n` +
        'Status: Image is up to date for nginx:latest\ndocker.io/library/nginx:latest\n',
    );
    expect(r.text[2]).toBe('docker.io/library/nginx:latest\n');
  });

  it('tags another tag of the same image without pulling a layer', () => {
    const r = type(fresh(), 'docker pull nginx', 'docker pull nginx:1.25.3', 'docker images -q');
    expect(r.text[1]).toBe(
      `1.25.3: Pulling from library/nginx\nDigest: ${entry('nginx').digest}\n` +
        'Status: Downloaded newer image for nginx:1.25.3\ndocker.io/library/nginx:1.25.3\n',
    );
    expect(new Set(r.text[2]!.trim().split('\n')).size).toBe(2); // nginx and demo
  });

  it('refuses an unknown repository, an unknown tag and a bad reference as dockerd and the CLI do', () => {
    const r = type(fresh(), 'docker pull foo', 'docker pull nginx:nope', 'docker pull Nginx');
    expect(r.results.map((x) => x.exitCode)).toEqual([1, 1, 1]);
    expect(r.results[0]!.output).toEqual([
      { stream: 'stdout', text: 'Using default tag: latest\n' },
      {
        stream: 'stderr',
        text: "Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      },
    ]);
    expect(r.text[1]).toBe(
      'Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown\n',
    );
    expect(r.text[2]).toBe('invalid reference format: repository name (library/Nginx) must be lowercase\n');
  });

  it('stops and names the file when a catalog file is not loaded yet, changing nothing', () => {
    const s = createSession({ catalog: memoryCatalog(index()) });
    const r = runLine(s, 'touch /tmp/x; docker pull nginx; echo done');
    expect(r.needs).toEqual({ catalogFile: 'debian-bookworm-slim.json' });
    expect(r.session).toBe(s);
    expect(r.output).toEqual([]);
    const none = runLine(createSession({ catalog: memoryCatalog(null) }), 'docker run -d nginx');
    expect(none.needs).toEqual({ catalogFile: 'index.json' });
  });

  it('reports a catalog file that could not be loaded and goes on', () => {
    const failures = new Map([['index.json', 'Failed to fetch']]);
    const r = type(
      createSession({ catalog: memoryCatalog(null, new Map(), failures) }),
      'docker pull nginx',
      'echo ok',
    );
    expect(r.results[0]!.exitCode).toBe(1);
    expect(r.text[0]).toBe(
      'Using default tag: latest\nError response from daemon: Get "https://registry-1.docker.io/v2/library/nginx/manifests/latest": Layerlab could not load its image catalog (catalog/index.json: Failed to fetch); check the connection and try again\n',
    );
    expect(r.text[1]).toBe('ok\n');
  });

  it("says Layerlab's own part of that error in the page's language (Docker's part stays as Docker prints it)", () => {
    const failures = new Map([['index.json', '연결 실패']]);
    const s = {
      ...createSession({ catalog: memoryCatalog(null, new Map(), failures) }),
      language: 'ko' as const,
    };
    const r = type(s, 'docker pull nginx');
    expect(r.text[0]).toBe(
      'Using default tag: latest\nError response from daemon: Get "https://registry-1.docker.io/v2/library/nginx/manifests/latest": Layerlab이 이미지 카탈로그를 불러오지 못했습니다(catalog/index.json: 연결 실패). 연결을 확인하고 다시 시도하세요\n',
    );
  });
});

describe('docker run of a catalog image', () => {
  it('pulls it first, printing what the CLI prints on stderr, then the container id (the blog)', () => {
    const r = type(fresh(), 'docker run --name nginx -d nginx');
    expect(r.results[0]!.exitCode).toBe(0);
    expect(r.results[0]!.output).toEqual([
      { stream: 'stderr', text: `Unable to find image 'nginx:latest' locally\n${pullLines('nginx')}` },
      { stream: 'stdout', text: expect.stringMatching(/^[0-9a-f]{64}\n$/) as string },
    ]);
  });

  it('fails for an unknown image with the daemon error and the help hint', () => {
    const r = type(fresh(), 'docker run foo');
    expect(r.results[0]!.exitCode).toBe(125);
    expect(r.text[0]).toBe(
      "Unable to find image 'foo:latest' locally\ndocker: Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\nRun 'docker run --help' for more information\n",
    );
  });
});

describe('what the catalog programs do as they start', () => {
  const NGINX_DIFF = [
    'C /etc',
    'C /etc/nginx',
    'C /etc/nginx/conf.d',
    'C /etc/nginx/conf.d/default.conf',
    'C /run',
    'A /run/nginx.pid',
    'C /var',
    'C /var/cache',
    'C /var/cache/nginx',
    'A /var/cache/nginx/client_temp',
    'A /var/cache/nginx/fastcgi_temp',
    'A /var/cache/nginx/proxy_temp',
    'A /var/cache/nginx/scgi_temp',
    'A /var/cache/nginx/uwsgi_temp',
  ];

  it("nginx: the entrypoint's sed of default.conf, the temp dirs and the pid file (docker diff)", () => {
    const r = type(
      fresh(),
      'docker run --name nginx -d nginx',
      'docker diff nginx',
      'docker exec nginx cat /run/nginx.pid',
    );
    expect(r.text[1]).toBe(NGINX_DIFF.map((l) => `${l}\n`).join(''));
    expect(r.text[2]).toBe('1\n');
    const conf = type(r.session, 'docker exec nginx head -3 /etc/nginx/conf.d/default.conf').text[0];
    expect(conf).toBe('server {\n    listen       80;\n    listen  [::]:80;\n');
    // sed -i wrote a temporary file and renamed it over the original (the overlay saw a rename).
    expect(r.results[0]!.events).toContainEqual(expect.objectContaining({ type: 'rename' }));
  });

  it("the blog: exec bash, touch TEST, echo >> TEST, exit; the host's ls of the UpperDir shows etc root run TEST var", () => {
    const r = type(
      fresh(),
      'docker run --name nginx -d nginx',
      'docker exec -it nginx /bin/bash',
      'ls',
      'touch TEST',
      'echo "Hello World" >> TEST',
      'exit',
    );
    expect(r.text[2]).toBe(
      'bin   docker-entrypoint.d   home   lib64   mnt   root  srv  usr\n' +
        'boot  docker-entrypoint.sh  lib    libx32  opt   run   sys  var\n' +
        'dev   etc                   lib32  media   proc  sbin  tmp\n',
    );
    const c = [...r.session.world.containers.values()][0]!;
    const after = type(r.session, `ls /var/lib/docker/overlay2/${c.mountId}/diff`, 'docker diff nginx');
    expect(after.text[0]).toBe('etc  root  run  TEST  var\n');
    expect(after.text[1]).toBe(
      ['A /TEST', ...NGINX_DIFF.slice(0, 4), 'C /root', 'A /root/.bash_history', ...NGINX_DIFF.slice(4)]
        .map((l) => `${l}\n`)
        .join(''),
    );
  });

  it('runs no entrypoint script for a command of your own: docker run -it nginx bash is a plain bash', () => {
    const r = type(fresh(), 'docker run -it --name sh1 nginx bash', 'echo $0', 'exit');
    expect(r.results[0]!.exitCode).toBe(0);
    expect(r.results[1]!.session.frames).toHaveLength(2);
    const out = containersOut(r.session.world).find((c) => c.name === 'sh1')!;
    expect(out.diff).toEqual(['C /root', 'A /root/.bash_history']);
    expect(type(fresh(), 'docker run --rm nginx echo hi').text[0]).toMatch(/hi\n$/);
  });

  it('does not start anything for docker create', () => {
    const r = type(
      fresh(),
      'docker create --name c1 nginx',
      'docker diff c1',
      'docker start c1',
      'docker diff c1',
    );
    expect(r.text[1]).toBe('');
    expect(r.text[3]).toBe(NGINX_DIFF.map((l) => `${l}\n`).join(''));
  });

  it('a commit of that container starts the same way: the IPv6 line is there already', () => {
    const r = type(
      fresh(),
      'docker run --name nginx -d nginx',
      'docker commit nginx nginx:test',
      'docker run --name t1 -d nginx:test',
      'docker diff t1',
    );
    expect(r.text[3]).toBe(
      'C /etc\nC /etc/nginx\nC /etc/nginx/conf.d\nC /etc/nginx/conf.d/default.conf\nC /run\nC /run/nginx.pid\n',
    );
  });

  it('httpd writes its pid file', () => {
    const r = type(fresh(), 'docker run -d --name web httpd', 'docker diff web');
    expect(r.text[1]).toBe(
      'C /usr\nC /usr/local\nC /usr/local/apache2\nC /usr/local/apache2/logs\nA /usr/local/apache2/logs/httpd.pid\n',
    );
  });

  it('mysql without a root password stops with its error; with one, its data goes to the anonymous volume', () => {
    const r = type(
      fresh(),
      'docker run --name db mysql',
      'docker run -d --name db2 -e MYSQL_ROOT_PASSWORD=secret mysql',
      'docker diff db2',
      'docker volume ls -q',
    );
    expect(r.results[0]!.exitCode).toBe(1);
    expect(r.text[0]).toMatch(
      /\[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n/,
    );
    expect(r.session.world.containers.size).toBe(2);
    const [db, db2] = [...r.session.world.containers.values()];
    expect(db!.state).toBe('exited');
    expect(db2!.state).toBe('running');
    expect(r.text[2]).toBe('C /run\nC /run/mysqld\nA /run/mysqld/mysqld.pid\n');
    expect(r.text[3]!.trim().split('\n')).toHaveLength(2);
    const vol = r.session.world.volumes.get(db2!.mounts[0]!.volume)!;
    expect(db2!.mounts[0]!.target).toBe('/var/lib/mysql');
    expect([...vol.tree.root.children.keys()]).toContain('ibdata1');
    expect([...vol.tree.root.children.keys()]).toContain('auto.cnf');
  });

  it('busybox does nothing', () => {
    const r = type(fresh(), 'docker run -d --name bb busybox sleep infinity', 'docker diff bb');
    expect(r.text[1]).toBe('');
  });
});
