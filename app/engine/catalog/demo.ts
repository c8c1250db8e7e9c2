import type { LayerEntrySpec } from '../layer.ts';
import type { ImageSpec } from '../docker/images.ts';

/**
 * The built-in default image `demo`: small enough to read in full, shaped like a Debian-based image
 * (merged /usr, bash and dash) with a web app on top, and a third layer that edits a config and
 * deletes a file — so a fresh page already shows an override and a whiteout in the image itself.
 */
const file = (path: string, content: string, mode?: string): LayerEntrySpec => ({
  path,
  type: 'file',
  content,
  ...(mode ? { mode } : {}),
});
const dir = (path: string, mode?: string): LayerEntrySpec => ({
  path,
  type: 'dir',
  ...(mode ? { mode } : {}),
});
const link = (path: string, target: string): LayerEntrySpec => ({ path, type: 'symlink', target });
const bin = (name: string): LayerEntrySpec => file(`/usr/bin/${name}`, `\x7fELF (${name})\n`, '0755');

const BASE: LayerEntrySpec[] = [
  link('/bin', 'usr/bin'),
  link('/lib', 'usr/lib'),
  link('/lib64', 'usr/lib64'),
  link('/sbin', 'usr/sbin'),
  dir('/boot'),
  dir('/dev'),
  dir('/home'),
  dir('/media'),
  dir('/mnt'),
  dir('/opt'),
  dir('/proc', '0555'),
  dir('/root', '0700'),
  file(
    '/root/.bashrc',
    "# ~/.bashrc: executed by bash(1) for non-login shells.\nPS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n",
  ),
  file('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n'),
  dir('/run'),
  dir('/srv'),
  dir('/sys', '0555'),
  dir('/tmp', '1777'),
  dir('/usr/local/bin'),
  dir('/usr/sbin'),
  dir('/var/cache'),
  dir('/var/lib'),
  dir('/var/log'),
  dir('/usr/lib/x86_64-linux-gnu'),
  file('/usr/lib/x86_64-linux-gnu/libc.so.6', '\x7fELF (GNU C Library 2.36)\n', '0755'),
  file(
    '/usr/lib/os-release',
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n',
  ),
  dir('/usr/lib64'),
  link('/usr/lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'),
  bin('bash'),
  bin('dash'),
  link('/usr/bin/sh', 'dash'),
  ...[
    'cat',
    'cp',
    'echo',
    'grep',
    'head',
    'ln',
    'ls',
    'mkdir',
    'mv',
    'rm',
    'rmdir',
    'sed',
    'sleep',
    'stat',
    'tail',
    'touch',
    'truncate',
    'wc',
    'find',
    'chmod',
  ].map(bin),
  file('/etc/debian_version', '12.4\n'),
  link('/etc/os-release', '../usr/lib/os-release'),
  file(
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n',
  ),
  file('/etc/group', 'root:x:0:\ndaemon:x:1:\nwww-data:x:33:\n'),
  file('/etc/shells', '/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n'),
  file('/etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n'),
];

const APP: LayerEntrySpec[] = [
  dir('/etc/app'),
  file('/etc/app/app.conf', 'server {\n    listen 80;\n    root /srv/www;\n}\n'),
  file('/etc/app/mime.types', 'text/html html;\ntext/css css;\n'),
  file('/srv/www/index.html', '<h1>Hello from layer 2</h1>\n'),
  file('/srv/www/style.css', 'h1 { color: teal; }\n'),
  file('/srv/www/old-banner.txt', 'Welcome (2023 edition)\n'),
  file('/usr/local/bin/serve', '#!/bin/sh\nexec sleep infinity\n', '0755'),
];

const TWEAK: LayerEntrySpec[] = [
  file('/etc/app/app.conf', 'server {\n    listen 8080;\n    root /srv/www;\n}\n'),
  { path: '/srv/www/old-banner.txt', type: 'whiteout' },
  file('/srv/www/index.html', '<h1>Hello from layer 3</h1>\n'),
];

export const DEMO_IMAGE: ImageSpec = {
  ref: 'demo:latest',
  layers: [BASE, APP, TWEAK],
  cmd: ['sleep', 'infinity'],
  createdBy: [
    '/bin/sh -c #(nop) ADD file:bookworm-slim-rootfs.tar.xz in / ',
    '/bin/sh -c #(nop) COPY dir:app in / ',
    "/bin/sh -c sed -i 's/listen 80/listen 8080/' /etc/app/app.conf && rm /srv/www/old-banner.txt && echo '<h1>Hello from layer 3</h1>' > /srv/www/index.html",
  ],
};
