import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Entry } from './lib.ts';
import { ELF_HEAD, extractDeb, LayerBuilder, sh } from './lib.ts';

/**
 * busybox:latest (the glibc variant, github docker-library/busybox): one layer, /bin/busybox and one
 * hard link to it per applet, glibc's libraries in /lib, and a small /etc. The applet list is the one
 * this machine's Debian busybox package prints (`busybox --list`); the libraries' sizes are this
 * machine's glibc's.
 */
export function busyboxLayer(): Entry[] {
  const l = new LayerBuilder();
  const x = extractDeb('busybox');
  if (!x) throw new Error('busybox is not in /var/cache/apt/archives (apt-get download busybox)');
  const bin = join(x.root, 'bin/busybox');
  const applets = sh(bin, ['--list'])
    .split('\n')
    .filter((a) => /^[a-z0-9_.[-]+$/.test(a) && a !== 'busybox')
    .sort();
  // One inode, many names: the first name in tar order is the file, the others hard links to it (E3).
  const ino = 'busybox';
  l.add(
    { path: '/bin/busybox', type: 'file', content: ELF_HEAD, size: statSync(bin).size, mode: '0755' },
    ino,
  );
  for (const a of applets)
    l.add(
      { path: `/bin/${a}`, type: 'file', content: ELF_HEAD, size: statSync(bin).size, mode: '0755' },
      ino,
    );
  for (const [lib, real] of [
    ['ld-linux-x86-64.so.2', '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'],
    ['libc.so.6', '/usr/lib/x86_64-linux-gnu/libc.so.6'],
    ['libm.so.6', '/usr/lib/x86_64-linux-gnu/libm.so.6'],
    ['libresolv.so.2', '/usr/lib/x86_64-linux-gnu/libresolv.so.2'],
    ['libnss_compat.so.2', '/usr/lib/x86_64-linux-gnu/libnss_compat.so.2'],
    ['libnss_dns.so.2', '/usr/lib/x86_64-linux-gnu/libnss_dns.so.2'],
    ['libnss_files.so.2', '/usr/lib/x86_64-linux-gnu/libnss_files.so.2'],
    ['libnss_hesiod.so.2', '/usr/lib/x86_64-linux-gnu/libnss_hesiod.so.2'],
  ] as const)
    l.elf(`/lib/${lib}`, statSync(real).size);
  l.link('/lib64', 'lib');
  l.dir('/dev').dir('/home').dir('/root', 0o700).dir('/tmp', 0o1777).dir('/usr/sbin').dir('/var/spool/mail');
  l.dir('/var/www');
  l.file('/etc/passwd', PASSWD).file('/etc/group', GROUP).file('/etc/shadow', SHADOW, 0o600);
  l.file('/etc/localtime', 'TZif2', 0o644);
  l.file('/etc/nsswitch.conf', 'hosts: files dns\n');
  l.file('/etc/network/if-down.d/.keep', '').file('/etc/network/if-post-down.d/.keep', '');
  l.file('/etc/network/if-pre-up.d/.keep', '').file('/etc/network/if-up.d/.keep', '');
  l.file('/etc/securetty', SECURETTY);
  return l.finish();
}

const PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nobody:x:65534:
`;

const SHADOW = `root:*::::::::
daemon:*::::::::
bin:*::::::::
sys:*::::::::
sync:*::::::::
mail:*::::::::
www-data:*::::::::
operator:*::::::::
nobody:*::::::::
`;

const SECURETTY = [
  'console',
  'tty1',
  'tty2',
  'tty3',
  'tty4',
  'tty5',
  'tty6',
  'tty7',
  'tty8',
  'ttyS0',
  'ttyS1',
  'ttyAMA0',
]
  .map((t) => `${t}\n`)
  .join('');
