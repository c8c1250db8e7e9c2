import type { Entry } from './lib.ts';
import { LayerBuilder, text } from './lib.ts';
import { aptInstall, caCertificates, stanza } from './debian-changes.ts';
import { dirModes } from './debian.ts';

/**
 * httpd:latest (2.4.58, Debian bookworm) as the official image builds it (github docker-library/httpd,
 * 2.4/Dockerfile): on the very same debian:bookworm-slim layer as nginx (so `docker pull httpd` after
 * nginx prints "Already exists" for it), a RUN that makes /usr/local/apache2, one that installs
 * ca-certificates and the LDAP bits of APR, the build (Apache compiled from source, its build
 * dependencies purged again, the runtime libraries kept), and the httpd-foreground script.
 * Debian's files come from this machine; Apache's own tree is written from `make install`'s layout
 * (httpd.conf abridged from the upstream default with the image's edits; binaries by size).
 */
export const HTTPD_VERSION = '2.4.58';
export const HTTPD_PREFIX = '/usr/local/apache2';

export function httpdPrefixLayer(): Entry[] {
  return new LayerBuilder().dir(HTTPD_PREFIX).finish();
}

export function httpdAptLayer(base: readonly Entry[]): Entry[] {
  const l = new LayerBuilder();
  const packages = [
    'ca-certificates',
    'openssl',
    'libssl3',
    'libapr1',
    'libaprutil1',
    'libldap-2.5-0',
    'libldap-common',
    'libsasl2-2',
    'libsasl2-modules-db',
    'libexpat1',
  ];
  // libaprutil1-ldap is not in this machine's apt cache: its module by size.
  l.elf('/usr/lib/x86_64-linux-gnu/apr-util-1/apr_ldap-1.so', 18_672, 0o644);
  l.blob(
    '/usr/share/doc/libaprutil1-ldap/copyright',
    11_358,
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n',
  );
  aptInstall(l, base, {
    packages,
    manual: ['ca-certificates', 'libaprutil1-ldap', 'libldap-common'],
    extraStanzas: [
      stanza(
        'libaprutil1-ldap',
        'libs',
        '1.6.3-1',
        'amd64',
        'Debian Apache Maintainers <debian-apache@lists.debian.org>',
        'libaprutil1 (>= 1.6.3), libc6 (>= 2.4), libldap-2.5-0 (>= 2.5.4)',
        'Apache Portable Runtime Utility Library - LDAP Driver',
        58,
      ),
    ],
  });
  caCertificates(l);
  l.dir('/var/lib/apt/lists');
  return l.finish(dirModes(base));
}

export function httpdBuildLayer(below: readonly Entry[]): Entry[] {
  const l = new LayerBuilder();
  const p = HTTPD_PREFIX;
  // The runtime libraries the build's `ldd` check keeps installed.
  aptInstall(l, below, {
    packages: [
      'libbrotli1',
      'libcurl4',
      'libgssapi-krb5-2',
      'libk5crypto3',
      'libkeyutils1',
      'libkrb5-3',
      'libkrb5support0',
      'libnghttp2-14',
      'libpsl5',
      'librtmp1',
      'libssh2-1',
      'libjansson4',
      'liblua5.2-0',
      'libxml2',
      'libicu72',
    ],
    manual: ['libbrotli1', 'libcurl4', 'libjansson4', 'liblua5.2-0', 'libxml2', 'libnghttp2-14'],
  });
  // make install
  const bins: [string, number][] = [
    ['ab', 88_104],
    ['checkgid', 15_256],
    ['fcgistarter', 19_800],
    ['htcacheclean', 48_824],
    ['htdbm', 36_056],
    ['htdigest', 24_264],
    ['htpasswd', 36_184],
    ['httpd', 2_770_144],
    ['httxt2dbm', 19_880],
    ['logresolve', 15_320],
    ['rotatelogs', 32_392],
  ];
  for (const [name, size] of bins) l.elf(`${p}/bin/${name}`, size);
  l.blob(
    `${p}/bin/apachectl`,
    3_446,
    '#!/bin/sh\n#\n# Licensed to the Apache Software Foundation (ASF) under one or more\n',
    0o755,
  );
  l.blob(
    `${p}/bin/apxs`,
    23_612,
    '#!/usr/bin/perl -w\n#\n# Licensed to the Apache Software Foundation (ASF) under one or more\n',
    0o755,
  );
  l.blob(
    `${p}/bin/dbmmanage`,
    8_953,
    '#!/usr/bin/perl\n#\n# Licensed to the Apache Software Foundation (ASF) under one or more\n',
    0o755,
  );
  l.file(`${p}/bin/envvars`, ENVVARS, 0o644).file(`${p}/bin/envvars-std`, ENVVARS, 0o644);
  for (const [name, size] of [
    ['config_vars.mk', 9_811],
    ['instdso.sh', 3_338],
    ['library.mk', 877],
    ['ltlib.mk', 1_322],
    ['mkdir.sh', 1_277],
    ['program.mk', 886],
    ['rules.mk', 7_488],
    ['special.mk', 1_282],
  ] as const)
    l.blob(
      `${p}/build/${name}`,
      size,
      name.endsWith('.sh')
        ? '#!/bin/sh\n'
        : '# Licensed to the Apache Software Foundation (ASF) under one or more\n',
      name.endsWith('.sh') ? 0o755 : 0o644,
    );
  l.link(`${p}/build/libtool`, '/usr/share/apr-1.0/build/libtool');
  l.file(
    `${p}/cgi-bin/printenv`,
    '#\n\n# To permit this cgi, replace # on the first line above with the\n# appropriate #!/path/to/perl shebang, and on Unix / Linux also\n# set this script executable with chmod 755.\n#\n# ***** !!! WARNING !!! *****\n# This script echoes the server environment variables and therefore\n# leaks information - so NEVER use it in a live server environment!\n# It is provided only for testing purpose.\n# Also note that it is subject to cross site scripting attacks on\n# MS IE and any other browser which fails to honor RFC2616.\n\n##\n##  printenv -- demo CGI program which just prints its environment\n##\nuse strict;\nuse warnings;\n\nprint "Content-type: text/plain; charset=iso-8859-1\\n\\n";\nforeach my $var (sort(keys(%ENV))) {\n    my $val = $ENV{$var};\n    $val =~ s|\\n|\\\\n|g;\n    $val =~ s|"|\\\\"|g;\n    print "${var}=\\"${val}\\"\\n";\n}\n\n',
  );
  l.blob(`${p}/cgi-bin/printenv.vbs`, 1_074, "'\n");
  l.blob(`${p}/cgi-bin/printenv.wsf`, 1_133, '<!--\n');
  l.blob(`${p}/cgi-bin/test-cgi`, 1_261, '#\n');
  l.file(`${p}/conf/httpd.conf`, text('httpd/httpd.conf'));
  l.file(`${p}/conf/original/httpd.conf`, text('httpd/httpd.conf'));
  l.blob(
    `${p}/conf/magic`,
    13_077,
    '# Magic data for mod_mime_magic Apache module (originally for file(1) command)\n',
  );
  l.blob(
    `${p}/conf/mime.types`,
    60_847,
    '# This file maps Internet media types to unique file extension(s).\n',
  );
  const extras: [string, number][] = [
    ['httpd-autoindex.conf', 2_942],
    ['httpd-dav.conf', 1_735],
    ['httpd-default.conf', 2_344],
    ['httpd-info.conf', 1_212],
    ['httpd-languages.conf', 5_078],
    ['httpd-manual.conf', 1_175],
    ['httpd-mpm.conf', 4_550],
    ['httpd-multilang-errordoc.conf', 2_461],
    ['httpd-ssl.conf', 13_161],
    ['httpd-userdir.conf', 640],
    ['httpd-vhosts.conf', 1_523],
    ['proxy-html.conf', 3_191],
  ];
  for (const [name, size] of extras)
    for (const dir of ['conf/extra', 'conf/original/extra']) l.blob(`${p}/${dir}/${name}`, size, '#\n');
  for (const page of ERROR_PAGES)
    l.blob(
      `${p}/error/HTTP_${page}.html.var`,
      9_000 + page.length * 97,
      'Content-language: cs\nContent-type: text/html; charset=UTF-8\nBody:----------cs--\n',
    );
  for (const [name, size] of [
    ['bottom.html', 249],
    ['spacer.html', 62],
    ['top.html', 235],
  ] as const)
    l.blob(`${p}/error/include/${name}`, size, '');
  l.blob(`${p}/error/README`, 2_141, '\n  Multi Language Custom Error Documents\n');
  l.file(`${p}/htdocs/index.html`, text('httpd/index.html.txt'));
  for (const icon of ICONS) {
    l.blob(`${p}/icons/${icon}.gif`, 200 + ((icon.length * 131) % 700), 'GIF89a');
    l.blob(`${p}/icons/${icon}.png`, 300 + ((icon.length * 173) % 900), '');
  }
  for (const icon of SMALL_ICONS) {
    l.blob(`${p}/icons/small/${icon}.gif`, 80 + ((icon.length * 37) % 200), 'GIF89a');
    l.blob(`${p}/icons/small/${icon}.png`, 120 + ((icon.length * 53) % 300), '');
  }
  l.blob(`${p}/icons/README`, 5_108, 'Public Domain Icons\n');
  l.blob(`${p}/icons/README.html`, 36_057, '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n');
  l.blob(`${p}/icons/apache_pb.svg`, 260_790, '<?xml version="1.0" encoding="utf-8"?>\n');
  l.blob(`${p}/icons/apache_pb2.ai`, 26_393, '%!PS-Adobe-3.0 \n');
  for (const h of HEADERS)
    l.blob(
      `${p}/include/${h}.h`,
      2_500 + ((h.length * 977) % 30_000),
      '/* Licensed to the Apache Software Foundation (ASF) under one or more\n',
    );
  l.dir(`${p}/logs`);
  for (const [name, size] of MODULES) l.elf(`${p}/modules/${name}.so`, size);
  l.blob(`${p}/modules/httpd.exp`, 15_320, '*\n');
  return l.finish(dirModes(below));
}

export function httpdForegroundLayer(): Entry[] {
  return new LayerBuilder()
    .file('/usr/local/bin/httpd-foreground', text('httpd/httpd-foreground'), 0o755)
    .finish();
}

const ENVVARS = `# Licensed to the Apache Software Foundation (ASF) under one or more
# contributor license agreements.  See the NOTICE file distributed with
# this work for additional information regarding copyright ownership.
# The ASF licenses this file to You under the Apache License, Version 2.0
# (the "License"); you may not use this file except in compliance with
# the License.  You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
#
# envvars-std - default environment variables for apachectl
#
# This file is generated from envvars-std.in
#
if test "x$LD_LIBRARY_PATH" != "x" ; then
  LD_LIBRARY_PATH="/usr/local/apache2/lib:$LD_LIBRARY_PATH"
else
  LD_LIBRARY_PATH="/usr/local/apache2/lib"
fi
export LD_LIBRARY_PATH
#
`;

const ERROR_PAGES = [
  'BAD_GATEWAY',
  'BAD_REQUEST',
  'FORBIDDEN',
  'GONE',
  'INTERNAL_SERVER_ERROR',
  'LENGTH_REQUIRED',
  'METHOD_NOT_ALLOWED',
  'NOT_FOUND',
  'NOT_IMPLEMENTED',
  'PRECONDITION_FAILED',
  'REQUEST_ENTITY_TOO_LARGE',
  'REQUEST_TIME_OUT',
  'REQUEST_URI_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'UNAUTHORIZED',
  'UNSUPPORTED_MEDIA_TYPE',
  'VARIANT_ALSO_VARIES',
];

const ICONS = [
  'a',
  'alert.black',
  'alert.red',
  'apache_pb',
  'apache_pb2',
  'back',
  'ball.gray',
  'ball.red',
  'binary',
  'binhex',
  'blank',
  'bomb',
  'box1',
  'box2',
  'broken',
  'burst',
  'c',
  'comp.blue',
  'comp.gray',
  'compressed',
  'continued',
  'dir',
  'diskimg',
  'down',
  'dvi',
  'f',
  'folder',
  'folder.open',
  'folder.sec',
  'forward',
  'generic',
  'generic.red',
  'generic.sec',
  'hand.right',
  'hand.up',
  'icon.sheet',
  'image1',
  'image2',
  'image3',
  'index',
  'layout',
  'left',
  'link',
  'movie',
  'odf6odb',
  'odf6odc',
  'odf6odf',
  'odf6odg',
  'odf6odi',
  'odf6odm',
  'odf6odp',
  'odf6ods',
  'odf6odt',
  'p',
  'patch',
  'pdf',
  'pie0',
  'pie1',
  'pie2',
  'pie3',
  'pie4',
  'pie5',
  'pie6',
  'pie7',
  'pie8',
  'portal',
  'ps',
  'quill',
  'right',
  'screw1',
  'screw2',
  'script',
  'sound1',
  'sound2',
  'sphere1',
  'sphere2',
  'tar',
  'tex',
  'text',
  'transfer',
  'unknown',
  'up',
  'uu',
  'uuencoded',
  'world1',
  'world2',
];

const SMALL_ICONS = [
  'back',
  'binary',
  'binhex',
  'blank',
  'broken',
  'burst',
  'comp1',
  'comp2',
  'compressed',
  'continued',
  'doc',
  'folder',
  'folder2',
  'forward',
  'generic',
  'generic2',
  'generic3',
  'image',
  'image2',
  'index',
  'key',
  'movie',
  'patch',
  'ps',
  'rainbow',
  'sound',
  'sound2',
  'tar',
  'text',
  'transfer',
  'unknown',
  'uu',
];

const HEADERS = [
  'ap_compat',
  'ap_config',
  'ap_config_auto',
  'ap_config_layout',
  'ap_expr',
  'ap_hooks',
  'ap_listen',
  'ap_mmn',
  'ap_mpm',
  'ap_provider',
  'ap_regex',
  'ap_regkey',
  'ap_release',
  'ap_slotmem',
  'ap_socache',
  'apache_noprobes',
  'cache_common',
  'heartbeat',
  'http_config',
  'http_connection',
  'http_core',
  'http_log',
  'http_main',
  'http_protocol',
  'http_request',
  'http_ssl',
  'http_vhost',
  'httpd',
  'mod_auth',
  'mod_cache',
  'mod_cgi',
  'mod_core',
  'mod_dav',
  'mod_dbd',
  'mod_http2',
  'mod_include',
  'mod_log_config',
  'mod_proxy',
  'mod_request',
  'mod_rewrite',
  'mod_session',
  'mod_so',
  'mod_ssl',
  'mod_ssl_openssl',
  'mod_status',
  'mod_unixd',
  'mod_watchdog',
  'mod_xml2enc',
  'mpm_common',
  'os',
  'scoreboard',
  'util_cfgtree',
  'util_charset',
  'util_cookies',
  'util_ebcdic',
  'util_fcgi',
  'util_filter',
  'util_ldap',
  'util_md5',
  'util_mutex',
  'util_script',
  'util_time',
  'util_varbuf',
  'util_xml',
  'unixd',
];

const MODULES: [string, number][] = Object.entries({
  mod_access_compat: 23_672,
  mod_actions: 20_536,
  mod_alias: 33_416,
  mod_allowmethods: 16_504,
  mod_asis: 16_208,
  mod_auth_basic: 26_600,
  mod_auth_digest: 60_064,
  mod_auth_form: 49_064,
  mod_authn_anon: 16_992,
  mod_authn_core: 27_096,
  mod_authn_dbd: 22_256,
  mod_authn_dbm: 18_216,
  mod_authn_file: 18_520,
  mod_authn_socache: 29_448,
  mod_authnz_fcgi: 52_408,
  mod_authnz_ldap: 74_256,
  mod_authz_core: 51_576,
  mod_authz_dbd: 27_320,
  mod_authz_dbm: 21_224,
  mod_authz_groupfile: 21_192,
  mod_authz_host: 25_696,
  mod_authz_owner: 16_592,
  mod_authz_user: 16_064,
  mod_autoindex: 79_616,
  mod_brotli: 37_888,
  mod_bucketeer: 18_760,
  mod_buffer: 24_424,
  mod_cache: 234_112,
  mod_cache_disk: 99_008,
  mod_cache_socache: 91_920,
  mod_case_filter: 16_952,
  mod_case_filter_in: 18_568,
  mod_cern_meta: 22_448,
  mod_cgi: 71_648,
  mod_cgid: 85_912,
  mod_charset_lite: 33_432,
  mod_data: 18_592,
  mod_dav: 234_584,
  mod_dav_fs: 127_280,
  mod_dav_lock: 49_288,
  mod_dbd: 49_096,
  mod_deflate: 83_872,
  mod_dialup: 18_656,
  mod_dir: 29_400,
  mod_dumpio: 22_648,
  mod_echo: 17_456,
  mod_env: 18_784,
  mod_example_hooks: 58_560,
  mod_example_ipc: 27_632,
  mod_expires: 27_456,
  mod_ext_filter: 48_408,
  mod_file_cache: 25_736,
  mod_filter: 40_688,
  mod_headers: 56_232,
  mod_heartbeat: 22_032,
  mod_heartmonitor: 43_928,
  mod_http2: 738_776,
  mod_ident: 23_816,
  mod_imagemap: 34_872,
  mod_include: 120_152,
  mod_info: 62_120,
  mod_lbmethod_bybusyness: 22_848,
  mod_lbmethod_byrequests: 22_920,
  mod_lbmethod_bytraffic: 22_872,
  mod_lbmethod_heartbeat: 33_904,
  mod_ldap: 157_600,
  mod_log_config: 57_072,
  mod_log_debug: 20_256,
  mod_log_forensic: 25_856,
  mod_logio: 24_840,
  mod_lua: 384_736,
  mod_macro: 40_728,
  mod_md: 1_090_904,
  mod_mime: 38_832,
  mod_mime_magic: 44_312,
  mod_mpm_event: 187_752,
  mod_mpm_prefork: 98_728,
  mod_mpm_worker: 139_256,
  mod_negotiation: 84_528,
  mod_proxy: 395_328,
  mod_proxy_ajp: 114_096,
  mod_proxy_balancer: 99_272,
  mod_proxy_connect: 39_040,
  mod_proxy_express: 24_120,
  mod_proxy_fcgi: 69_584,
  mod_proxy_fdpass: 24_096,
  mod_proxy_ftp: 79_296,
  mod_proxy_hcheck: 80_680,
  mod_proxy_html: 67_528,
  mod_proxy_http: 118_240,
  mod_proxy_http2: 183_664,
  mod_proxy_scgi: 44_432,
  mod_proxy_uwsgi: 36_400,
  mod_proxy_wstunnel: 51_560,
  mod_ratelimit: 24_256,
  mod_reflector: 20_168,
  mod_remoteip: 46_392,
  mod_reqtimeout: 33_816,
  mod_request: 21_456,
  mod_rewrite: 172_520,
  mod_sed: 72_656,
  mod_session: 39_952,
  mod_session_cookie: 21_632,
  mod_session_crypto: 31_248,
  mod_session_dbd: 31_832,
  mod_setenvif: 28_968,
  mod_slotmem_plain: 19_848,
  mod_slotmem_shm: 47_296,
  mod_socache_dbm: 27_512,
  mod_socache_memcache: 24_176,
  mod_socache_redis: 24_192,
  mod_socache_shmcb: 40_856,
  mod_speling: 24_928,
  mod_ssl: 961_608,
  mod_status: 49_664,
  mod_substitute: 36_120,
  mod_suexec: 18_960,
  mod_unique_id: 24_168,
  mod_unixd: 30_776,
  mod_userdir: 20_360,
  mod_usertrack: 27_056,
  mod_version: 20_664,
  mod_vhost_alias: 24_528,
  mod_watchdog: 40_888,
  mod_xml2enc: 43_224,
});
