import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { Entry } from './lib.ts';
import { addPackage, hostEntry, LayerBuilder, pruneExcludedDirs, sh, text } from './lib.ts';

/**
 * debian:bookworm-slim's one layer, from this Debian 12 machine: the files dpkg lists for the packages
 * a bookworm-slim image holds (their real sizes and modes; the text of small /etc files and scripts),
 * minus what the slim variant's dpkg path-exclude rules keep out, in merged-/usr form; plus what
 * debootstrap, the packages' maintainer scripts and debuerreotype make (users, alternatives, dpkg's
 * database, the slim and apt tweaks). Versions are this machine's (Debian 12 point release of today).
 */
export const DEBIAN_PACKAGES = [
  'apt',
  'base-files',
  'base-passwd',
  'bash',
  'bsdutils',
  'coreutils',
  'dash',
  'debconf',
  'debian-archive-keyring',
  'debianutils',
  'diffutils',
  'dpkg',
  'findutils',
  'gcc-12-base',
  'gpgv',
  'grep',
  'gzip',
  'hostname',
  'init-system-helpers',
  'libacl1',
  'libapt-pkg6.0',
  'libattr1',
  'libaudit-common',
  'libaudit1',
  'libblkid1',
  'libbz2-1.0',
  'libc-bin',
  'libc6',
  'libcap-ng0',
  'libcap2',
  'libcrypt1',
  'libdb5.3',
  'libdebconfclient0',
  'libffi8',
  'libgcc-s1',
  'libgcrypt20',
  'libgmp10',
  'libgnutls30',
  'libgpg-error0',
  'libhogweed6',
  'libidn2-0',
  'liblz4-1',
  'liblzma5',
  'libmd0',
  'libmount1',
  'libnettle8',
  'libp11-kit0',
  'libpam-modules',
  'libpam-modules-bin',
  'libpam-runtime',
  'libpam0g',
  'libpcre2-8-0',
  'libseccomp2',
  'libselinux1',
  'libsemanage-common',
  'libsemanage2',
  'libsepol2',
  'libsmartcols1',
  'libstdc++6',
  'libsystemd0',
  'libtasn1-6',
  'libtinfo6',
  'libudev1',
  'libunistring2',
  'libuuid1',
  'libxxhash0',
  'libzstd1',
  'login',
  'mawk',
  'mount',
  'ncurses-base',
  'ncurses-bin',
  'passwd',
  'perl-base',
  'sed',
  'sysvinit-utils',
  'tar',
  'tzdata',
  'usr-is-merged',
  'util-linux',
  'util-linux-extra',
  'zlib1g',
];

/** Days since 1970 on the image's build day (2024-01-10), as pwconv writes them into /etc/shadow. */
const SHADOW_DAY = 19732;

export function debianLayer(): Entry[] {
  const l = new LayerBuilder();
  // debootstrap's merged /usr on amd64, and the directories of an empty root.
  for (const d of ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32']) l.link(`/${d}`, `usr/${d}`);
  for (const d of ['/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/run', '/srv', '/usr'])
    l.dir(d);
  l.dir('/proc', 0o555).dir('/sys', 0o555).dir('/root', 0o700).dir('/tmp', 0o1777).dir('/run/lock', 0o1777);
  for (const d of ['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib32', '/usr/lib64', '/usr/libx32']) l.dir(d);
  for (const d of [
    '/usr/local',
    '/usr/local/bin',
    '/usr/local/etc',
    '/usr/local/games',
    '/usr/local/include',
  ])
    l.dir(d);
  for (const d of [
    '/usr/local/lib',
    '/usr/local/man',
    '/usr/local/sbin',
    '/usr/local/share',
    '/usr/local/src',
  ])
    l.dir(d);
  l.dir('/var').dir('/var/backups').dir('/var/cache').dir('/var/lib').dir('/var/local', 0o2775);
  l.dir('/var/log').dir('/var/mail', 0o2775).dir('/var/opt').dir('/var/spool').dir('/var/tmp', 0o1777);
  l.link('/var/run', '/run').link('/var/lock', '/run/lock').link('/var/spool/mail', '../mail');

  for (const pkg of DEBIAN_PACKAGES) addPackage(l, pkg);
  pruneExcludedDirs(l);

  // base-passwd, then shadow's pwconv/grpconv: the users and groups of a fresh Debian.
  const passwd = readFileSync('/usr/share/base-passwd/passwd.master', 'utf8').replace(
    /^([^:]*):\*:/gm,
    '$1:x:',
  );
  const group = readFileSync('/usr/share/base-passwd/group.master', 'utf8').replace(
    /^([^:]*):\*:/gm,
    '$1:x:',
  );
  l.file('/etc/passwd', passwd).file('/etc/group', group);
  l.file(
    '/etc/shadow',
    users(passwd)
      .map((u) => `${u}:*:${SHADOW_DAY}:0:99999:7:::\n`)
      .join(''),
    0o640,
  );
  l.file(
    '/etc/gshadow',
    users(group)
      .map((g) => `${g}:*::\n`)
      .join(''),
    0o640,
  );
  l.file('/etc/subuid', '').file('/etc/subgid', '');
  // base-files' postinst.
  l.file('/root/.bashrc', readFileSync('/usr/share/base-files/dot.bashrc', 'utf8'));
  l.file('/root/.profile', readFileSync('/usr/share/base-files/dot.profile', 'utf8'));
  l.file('/etc/motd', readFileSync('/usr/share/base-files/motd', 'utf8'));
  l.file('/etc/profile', readFileSync('/usr/share/base-files/profile', 'utf8'));
  l.file('/etc/fstab', '# UNCONFIGURED FSTAB FOR BASE SYSTEM\n');
  l.file('/etc/nsswitch.conf', text('debian/nsswitch.conf'));
  l.file('/etc/shells', text('debian/shells'));
  l.file('/etc/environment', '');
  // tzdata's debconf answer in a container.
  l.link('/etc/localtime', '/usr/share/zoneinfo/Etc/UTC');
  l.file('/etc/timezone', 'Etc/UTC\n');
  // pam-auth-update's files, as this machine has them without the modules of packages not in the image.
  for (const f of ['account', 'auth', 'password', 'session', 'session-noninteractive']) {
    const body = readFileSync(`/etc/pam.d/common-${f}`, 'utf8')
      .split('\n')
      .filter((line) => !/pam_(systemd|cap|mkhomedir|winbind|sss|krb5|ldap)\.so/.test(line))
      .join('\n');
    l.file(`/etc/pam.d/common-${f}`, body);
  }
  // ldconfig's cache (binary: known by its size).
  l.blob('/etc/ld.so.cache', 8_917, 'ld.so-1.7.0');
  // update-alternatives.
  const alternatives: [string, string, string][] = [
    ['awk', '/usr/bin/awk', '/usr/bin/mawk'],
    ['nawk', '/usr/bin/nawk', '/usr/bin/mawk'],
    ['which', '/usr/bin/which', '/usr/bin/which.debianutils'],
    ['rmt', '/usr/sbin/rmt', '/usr/sbin/rmt-tar'],
  ];
  l.dir('/etc/alternatives').file(
    '/etc/alternatives/README',
    readFileSync('/etc/alternatives/README', 'utf8'),
  );
  for (const [name, link, target] of alternatives) {
    l.link(`/etc/alternatives/${name}`, target).link(link, `/etc/alternatives/${name}`);
    l.link(
      `/etc/alternatives/${name}.${name === 'rmt' ? 8 : 1}.gz`,
      `/usr/share/man/man${name === 'rmt' ? 8 : 1}/${target.slice(target.lastIndexOf('/') + 1)}.${name === 'rmt' ? 8 : 1}.gz`,
    );
  }
  for (const name of ['awk', 'which', 'rmt'])
    hostEntry(l, `/var/lib/dpkg/alternatives/${name}`, `/var/lib/dpkg/alternatives/${name}`);

  // dpkg's database: the status of these packages, their info files as this machine holds them.
  l.file(
    '/var/lib/dpkg/status',
    DEBIAN_PACKAGES.map((p) => sh('dpkg-query', ['-s', p]).trimEnd() + '\n').join('\n'),
  );
  l.file('/var/lib/dpkg/available', '')
    .file('/var/lib/dpkg/lock', '', 0o640)
    .file('/var/lib/dpkg/lock-frontend', '', 0o640);
  l.file('/var/lib/dpkg/diversions', '').file('/var/lib/dpkg/statoverride', '');
  l.dir('/var/lib/dpkg/updates').dir('/var/lib/dpkg/parts').dir('/var/lib/dpkg/triggers');
  l.file('/var/lib/dpkg/triggers/Lock', '', 0o640).file('/var/lib/dpkg/triggers/Unincorp', '');
  l.file('/var/lib/dpkg/cmethopt', 'apt apt\n');
  const info = readdirSync('/var/lib/dpkg/info');
  for (const pkg of DEBIAN_PACKAGES)
    for (const f of info)
      if (f.startsWith(`${pkg}.`) || f.startsWith(`${pkg}:amd64.`))
        hostEntry(l, `/var/lib/dpkg/info/${f}`, `/var/lib/dpkg/info/${f}`);
  l.dir('/var/lib/dpkg/info');
  // debconf's database: known by size (the templates of these packages).
  let templates = 0;
  for (const f of info)
    if (
      f.endsWith('.templates') &&
      DEBIAN_PACKAGES.some((p) => f.startsWith(`${p}.`) || f.startsWith(`${p}:amd64.`))
    )
      templates += statSync(`/var/lib/dpkg/info/${f}`).size;
  l.blob('/var/cache/debconf/templates.dat', templates * 3, 'Name: ');
  l.blob('/var/cache/debconf/config.dat', 12_447, 'Name: ');
  l.file('/var/cache/debconf/passwords.dat', '', 0o600);
  // apt: its state and caches, emptied by debuerreotype.
  l.dir('/var/lib/apt').dir('/var/lib/apt/lists').dir('/var/lib/apt/lists/partial', 0o700);
  l.dir('/var/lib/apt/periodic').dir('/var/cache/apt').dir('/var/cache/apt/archives');
  l.dir('/var/cache/apt/archives/partial', 0o700).dir('/var/log/apt');
  // login's logs, empty.
  l.file('/var/log/lastlog', '', 0o664).file('/var/log/wtmp', '', 0o664).file('/var/log/btmp', '', 0o660);
  l.file('/var/log/faillog', '');
  // pam's record of the profiles it enabled.
  if (existsSync('/var/lib/pam')) l.dir('/var/lib/pam');
  l.file('/var/lib/pam/seen', 'unix\n');
  // debuerreotype: the slim variant's dpkg rules, apt tweaks, the deb822 sources.
  for (const f of ['docker', 'docker-apt-speedup'])
    l.file(`/etc/dpkg/dpkg.cfg.d/${f}`, text(`debian/dpkg-${f}`));
  for (const f of [
    'docker-autoremove-suggests',
    'docker-clean',
    'docker-gzip-indexes',
    'docker-no-languages',
  ])
    l.file(`/etc/apt/apt.conf.d/${f}`, text(`debian/apt-${f}`));
  l.file('/etc/apt/sources.list.d/debian.sources', text('debian/debian.sources'));
  l.dir('/etc/apt/preferences.d').dir('/etc/apt/sources.list.d').dir('/etc/apt/keyrings');
  return l.finish();
}

const users = (table: string): string[] =>
  table
    .split('\n')
    .filter((line) => line.includes(':'))
    .map((line) => line.slice(0, line.indexOf(':')));

/** Directory modes of a layer's entries, to give an upper layer's parent dirs the mode below (B2). */
export function dirModes(...layers: readonly (readonly Entry[])[]): Map<string, number> {
  const modes = new Map<string, number>();
  for (const entries of layers)
    for (const e of entries)
      if (e.type === 'dir') modes.set(e.path, e.mode === undefined ? 0o755 : parseInt(String(e.mode), 8));
  return modes;
}
