import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entry } from './lib.ts';
import { extractDeb, LayerBuilder, text } from './lib.ts';
import { addUser, aptInstall, caCertificates, md5, stanza } from './debian-changes.ts';
import { dirModes } from './debian.ts';

/**
 * nginx:latest (1.25.3, Debian bookworm) as the official image builds it (github nginxinc/docker-nginx,
 * mainline/debian/Dockerfile): debian:bookworm-slim, one RUN that adds the nginx user and installs
 * nginx.org's packages with gettext-base and curl, then one COPY per entrypoint script.
 * The Debian packages' files come from this machine (installed packages or its apt cache); nginx.org's
 * packages are not here, so their files are written from their known layout, the binaries by size.
 */
export const NGINX_VERSION = '1.25.3';
export const NJS_VERSION = '0.8.2';
export const PKG_RELEASE = '1~bookworm';

/** What apt-get installs with nginx.org's packages, gettext-base and curl on bookworm-slim. */
const DEPENDENCIES = [
  'ca-certificates',
  'openssl',
  'libssl3',
  'curl',
  'libcurl4',
  'libbrotli1',
  'libgssapi-krb5-2',
  'libk5crypto3',
  'libkeyutils1',
  'libkrb5-3',
  'libkrb5support0',
  'libldap-2.5-0',
  'libnghttp2-14',
  'libpsl5',
  'librtmp1',
  'libsasl2-2',
  'libsasl2-modules-db',
  'libssh2-1',
  'gettext-base',
  'libxml2',
  'libicu72',
  'libxslt1.1',
  'libgd3',
  'fontconfig-config',
  'fonts-dejavu-core',
  'libfontconfig1',
  'libfreetype6',
  'libpng16-16',
  'libjpeg62-turbo',
  'libtiff6',
  'libjbig0',
  'libdeflate0',
  'liblerc4',
  'libwebp7',
  'libx11-6',
  'libx11-data',
  'libxau6',
  'libxcb1',
  'libxdmcp6',
  'libbsd0',
  'libxpm4',
  'libheif1',
  'libde265-0',
  'libx265-199',
  'libnuma1',
  'libaom3',
  'libdav1d6',
  'libavif15',
  'libgav1-1',
  'librav1e0',
  'libsvtav1enc1',
  'libyuv0',
  'libexpat1',
];

const MODULES = '/usr/lib/nginx/modules';

export function nginxRunLayer(base: readonly Entry[]): Entry[] {
  const l = new LayerBuilder();
  const v = `${NGINX_VERSION}-${PKG_RELEASE}`;
  addUser(l, base, {
    name: 'nginx',
    uid: 101,
    gid: 101,
    gecos: 'nginx user',
    home: '/nonexistent',
    shell: '/bin/false',
    day: 19738,
  });
  // nginx.org's nginx package.
  l.file('/etc/nginx/nginx.conf', text('nginx/nginx.conf'));
  l.file('/etc/nginx/conf.d/default.conf', text('nginx/default.conf'));
  for (const f of ['mime.types', 'fastcgi_params', 'scgi_params', 'uwsgi_params'])
    l.file(`/etc/nginx/${f}`, debianNginxCommon(f));
  l.link('/etc/nginx/modules', '../../usr/lib/nginx/modules');
  l.file('/etc/logrotate.d/nginx', text('nginx/logrotate'));
  l.blob('/etc/init.d/nginx', 4_321, '#!/bin/sh\n### BEGIN INIT INFO\n# Provides:          nginx\n', 0o755);
  l.blob(
    '/etc/init.d/nginx-debug',
    4_362,
    '#!/bin/sh\n### BEGIN INIT INFO\n# Provides:          nginx-debug\n',
    0o755,
  );
  l.file('/etc/default/nginx', 'NGINX_CONF_FILE=/etc/nginx/nginx.conf\n');
  l.file('/etc/default/nginx-debug', 'NGINX_CONF_FILE=/etc/nginx/nginx.conf\n');
  l.file('/usr/lib/systemd/system/nginx.service', text('nginx/nginx.service'));
  l.file('/usr/lib/systemd/system/nginx-debug.service', text('nginx/nginx-debug.service'));
  l.elf('/usr/sbin/nginx', 1_481_688);
  l.elf('/usr/sbin/nginx-debug', 1_530_392);
  l.dir(MODULES);
  l.file('/usr/share/nginx/html/index.html', text('nginx/index.html.txt'));
  l.file('/usr/share/nginx/html/50x.html', text('nginx/50x.html.txt'));
  l.blob('/usr/share/doc/nginx/copyright', 1_397, ' * Copyright (C) 2002-2021 Igor Sysoev\n');
  l.dir('/var/cache/nginx');
  l.dir('/var/log/nginx');
  // The dynamic modules (nginx-module-xslt, -geoip, -image-filter, -njs), each with its debug build.
  const modules: [string, string, number][] = [
    ['xslt', 'ngx_http_xslt_filter_module', 27_192],
    ['geoip', 'ngx_http_geoip_module', 23_056],
    ['geoip', 'ngx_stream_geoip_module', 19_024],
    ['image-filter', 'ngx_http_image_filter_module', 31_320],
    ['njs', 'ngx_http_js_module', 1_407_536],
    ['njs', 'ngx_stream_js_module', 1_395_184],
  ];
  for (const [pkg, name, size] of modules) {
    l.elf(`${MODULES}/${name}.so`, size, 0o644);
    l.elf(`${MODULES}/${name}-debug.so`, Math.round(size * 1.06), 0o644);
    l.blob(`/usr/share/doc/nginx-module-${pkg}/copyright`, 1_397, ' * Copyright (C) 2002-2021 Igor Sysoev\n');
  }
  // libgeoip1 is not in this machine's apt cache: its library by size.
  l.elf('/usr/lib/x86_64-linux-gnu/libGeoIP.so.1.6.12', 158_240, 0o644);
  l.link('/usr/lib/x86_64-linux-gnu/libGeoIP.so.1', 'libGeoIP.so.1.6.12');
  l.blob(
    '/usr/share/doc/libgeoip1/copyright',
    2_138,
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n',
  );
  // nginx.org's signing key, kept by the Dockerfile.
  l.blob('/usr/share/keyrings/nginx-archive-keyring.gpg', 1_561, '');
  aptInstall(l, base, {
    packages: DEPENDENCIES,
    manual: [
      'nginx',
      'nginx-module-xslt',
      'nginx-module-geoip',
      'nginx-module-image-filter',
      'nginx-module-njs',
      'gettext-base',
      'curl',
      'ca-certificates',
    ],
    extraStanzas: [
      stanza(
        'libgeoip1',
        'libs',
        '1.6.12-10',
        'amd64',
        'Patrick Matthäi <pmatthaei@debian.org>',
        'libc6 (>= 2.14)',
        'non-DB distribution of GeoIP API (runtime library)',
        409,
      ),
      nginxStanza(v),
      stanza(
        'nginx-module-geoip',
        'httpd',
        v,
        'amd64',
        NGINX_MAINTAINER,
        `nginx (= ${v}), libc6 (>= 2.4), libgeoip1 (>= 1.6.0)`,
        'nginx GeoIP dynamic modules',
        238,
      ),
      stanza(
        'nginx-module-image-filter',
        'httpd',
        v,
        'amd64',
        NGINX_MAINTAINER,
        `nginx (= ${v}), libc6 (>= 2.14), libgd3 (>= 2.1.0~alpha~)`,
        'nginx image filter dynamic module',
        126,
      ),
      stanza(
        'nginx-module-njs',
        'httpd',
        `${NGINX_VERSION}+${NJS_VERSION}-${PKG_RELEASE}`,
        'amd64',
        NGINX_MAINTAINER,
        `nginx (= ${v}), libc6 (>= 2.34), libssl3 (>= 3.0.0), libxml2 (>= 2.7.4), zlib1g (>= 1:1.1.4)`,
        'nginx njs dynamic modules',
        5_530,
      ),
      stanza(
        'nginx-module-xslt',
        'httpd',
        v,
        'amd64',
        NGINX_MAINTAINER,
        `nginx (= ${v}), libc6 (>= 2.14), libxml2 (>= 2.7.4), libxslt1.1 (>= 1.1.25)`,
        'nginx xslt dynamic module',
        112,
      ),
    ],
  });
  caCertificates(l);
  // The Dockerfile's own steps: logs to docker's log collector, the entrypoint scripts' directory.
  l.link('/var/log/nginx/access.log', '/dev/stdout');
  l.link('/var/log/nginx/error.log', '/dev/stderr');
  l.dir('/docker-entrypoint.d');
  return l.finish(dirModes(base));
}

/** The layers of the five COPY steps: the entrypoint and its scripts (mode 0775, as in the repository). */
export const NGINX_SCRIPTS = [
  ['/', 'docker-entrypoint.sh'],
  ['/docker-entrypoint.d', '10-listen-on-ipv6-by-default.sh'],
  ['/docker-entrypoint.d', '15-local-resolvers.envsh'],
  ['/docker-entrypoint.d', '20-envsubst-on-templates.sh'],
  ['/docker-entrypoint.d', '30-tune-worker-processes.sh'],
] as const;

export function nginxCopyLayer(dir: string, name: string): Entry[] {
  const l = new LayerBuilder();
  if (dir !== '/') l.dir(dir);
  l.file(`${dir === '/' ? '' : dir}/${name}`, text(`nginx/${name}`), 0o775);
  return l.finish();
}

const NGINX_MAINTAINER = 'NGINX Packaging <nginx-packaging@f5.com>';

function nginxStanza(v: string): string {
  const conf = (path: string, body: string): string => ` ${path} ${md5(body)}\n`;
  return stanza(
    'nginx',
    'httpd',
    v,
    'amd64',
    NGINX_MAINTAINER,
    'libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libpcre2-8-0 (>= 10.22), libssl3 (>= 3.0.0), zlib1g (>= 1:1.1.4)',
    'high performance web server',
    3_386,
  )
    .replace(
      /^Description:/m,
      'Conffiles:\n' +
        conf('/etc/default/nginx', 'NGINX_CONF_FILE=/etc/nginx/nginx.conf\n') +
        conf('/etc/default/nginx-debug', 'NGINX_CONF_FILE=/etc/nginx/nginx.conf\n') +
        conf('/etc/logrotate.d/nginx', text('nginx/logrotate')) +
        conf('/etc/nginx/conf.d/default.conf', text('nginx/default.conf')) +
        conf('/etc/nginx/fastcgi_params', debianNginxCommon('fastcgi_params')) +
        conf('/etc/nginx/mime.types', debianNginxCommon('mime.types')) +
        conf('/etc/nginx/nginx.conf', text('nginx/nginx.conf')) +
        conf('/etc/nginx/scgi_params', debianNginxCommon('scgi_params')) +
        conf('/etc/nginx/uwsgi_params', debianNginxCommon('uwsgi_params')) +
        'Description:',
    )
    .replace(
      /\n$/,
      '\n nginx [engine x] is an HTTP and reverse proxy server, as well as\n a mail proxy server.\nHomepage: https://nginx.org\n',
    );
}

/** The config files nginx.org ships as nginx itself has them: Debian's nginx-common holds the same text. */
let common: Map<string, string> | undefined;
function debianNginxCommon(name: string): string {
  if (!common) {
    common = new Map();
    const x = extractNginxCommon();
    for (const f of ['mime.types', 'fastcgi_params', 'scgi_params', 'uwsgi_params']) common.set(f, x(f));
  }
  return common.get(name)!;
}

function extractNginxCommon(): (name: string) => string {
  const x = extractDeb('nginx-common');
  if (!x) throw new Error('nginx-common is not in /var/cache/apt/archives (apt-get download nginx-common)');
  return (name) => readFileSync(join(x.root, 'etc/nginx', name), 'utf8');
}
