import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import type { Entry } from './lib.ts';
import { LayerBuilder, text } from './lib.ts';

/**
 * mysql:latest (8.3.0, on Oracle Linux 9 slim) as the official image builds it (github
 * docker-library/mysql, innovation/Dockerfile.oracle): oraclelinux:9-slim, the mysql user, gosu,
 * a few tools from microdnf, MySQL's signing key and repository, mysql-community-server-minimal,
 * mysql-shell, the entrypoint. No RPM data is on this Debian machine, so the file lists are written
 * from the packages' known layouts with sizes set to match the real image (≈ 600 MB); where a library
 * of the same name exists here, its size on this machine is used. Binaries are size-only entries.
 */
export const MYSQL_VERSION = '8.3.0-1.el9';
export const MYSQL_SHELL_VERSION = '8.3.0-1.el9';
export const GOSU_VERSION = '1.16';

const HOST_LIBS = '/usr/lib/x86_64-linux-gnu';

/** The size of a library of this name on this machine (following its symlink), or the fallback. */
function hostSize(soname: string, fallback: number): number {
  const p = `${HOST_LIBS}/${soname}`;
  if (!existsSync(p)) return fallback;
  return statSync(realpathSync(p)).size;
}

/** A shared library as RPMs install it: the versioned file and its soname link. */
function lib(l: LayerBuilder, dir: string, soname: string, version: string, fallback: number): void {
  const real = `${soname}.${version}`;
  l.elf(`${dir}/${real}`, hostSize(soname, fallback));
  l.link(`${dir}/${soname}`, real);
}

// name, version suffix, fallback size (bytes)
const OL_LIBS: [string, string, number][] = [
  ['libc.so.6', '', 0],
  ['libm.so.6', '', 0],
  ['libresolv.so.2', '', 0],
  ['libpthread.so.0', '', 0],
  ['libdl.so.2', '', 0],
  ['librt.so.1', '', 0],
  ['libutil.so.1', '', 0],
  ['libnss_files.so.2', '', 0],
  ['libnss_dns.so.2', '', 0],
  ['libmvec.so.1', '', 0],
  ['libanl.so.1', '', 0],
  ['libBrokenLocale.so.1', '', 0],
  ['libstdc++.so.6', '0.29', 2_396_432],
  ['libgcc_s.so.1', '', 0],
  ['libz.so.1', '2.11', 0],
  ['liblzma.so.5', '2.5', 0],
  ['libbz2.so.1', '0.8', 0],
  ['libzstd.so.1', '5.1', 0],
  ['liblz4.so.1', '9.3', 0],
  ['libacl.so.1', '1.2301', 0],
  ['libattr.so.1', '1.2501', 0],
  ['libcap.so.2', '48', 0],
  ['libcap-ng.so.0', '0.0', 0],
  ['libaudit.so.1', '0.0', 0],
  ['libselinux.so.1', '', 0],
  ['libsemanage.so.2', '', 0],
  ['libsepol.so.2', '', 0],
  ['libpcre2-8.so.0', '11.0', 0],
  ['libpcre.so.1', '2.12', 0],
  ['libblkid.so.1', '1.0', 0],
  ['libmount.so.1', '1.0', 0],
  ['libuuid.so.1', '3.0', 0],
  ['libsmartcols.so.1', '1.0', 0],
  ['libcrypto.so.3', '0.7', 0],
  ['libssl.so.3', '0.7', 0],
  ['libgmp.so.10', '4.0', 0],
  ['libmpfr.so.6', '1.0', 0],
  ['libnettle.so.8', '4', 0],
  ['libhogweed.so.6', '4', 0],
  ['libgnutls.so.30', '34.3', 0],
  ['libtasn1.so.6', '6.2', 0],
  ['libp11-kit.so.0', '3.0', 0],
  ['libidn2.so.0', '3.7', 0],
  ['libunistring.so.2', '1.0', 0],
  ['libffi.so.8', '1.0', 0],
  ['libgcrypt.so.20', '4.4', 0],
  ['libgpg-error.so.0', '32.0', 0],
  ['libassuan.so.0', '8.3', 0],
  ['libksba.so.8', '14.0', 220_000],
  ['libnpth.so.0', '1.2', 0],
  ['libgpgme.so.11', '27.0', 377_000],
  ['libkrb5.so.3', '3', 0],
  ['libk5crypto.so.3', '1', 0],
  ['libgssapi_krb5.so.2', '2', 0],
  ['libkrb5support.so.0', '1', 0],
  ['libcom_err.so.2', '1', 0],
  ['libkeyutils.so.1', '10', 0],
  ['libverto.so.1', '0.0', 23_000],
  ['libcurl.so.4', '7.0', 0],
  ['libnghttp2.so.14', '20.1', 0],
  ['libpsl.so.5', '3.3', 0],
  ['libbrotlicommon.so.1', '0.9', 0],
  ['libbrotlidec.so.1', '0.9', 0],
  ['libssh.so.4', '9.6', 0],
  ['libxml2.so.2', '9.13', 0],
  ['libsqlite3.so.0', '8.6', 0],
  ['libyaml-0.so.2', '0.9', 0],
  ['libjson-c.so.5', '0.0', 0],
  ['libjson-glib-1.0.so.0', '600.6', 0],
  ['libglib-2.0.so.0', '6800.4', 0],
  ['libgobject-2.0.so.0', '6800.4', 0],
  ['libgio-2.0.so.0', '6800.4', 0],
  ['libgmodule-2.0.so.0', '6800.4', 0],
  ['libmodulemd.so.2', '2.13.0', 0],
  ['libsolv.so.1', '', 0],
  ['libsolvext.so.1', '', 0],
  ['librepo.so.0', '', 310_000],
  ['libdnf.so.2', '', 2_330_000],
  ['libpeas-1.0.so.0', '0.3', 0],
  ['librpm.so.9', '1.2', 0],
  ['librpmio.so.9', '1.2', 0],
  ['libpopt.so.0', '0.1', 0],
  ['libmagic.so.1', '0.0', 0],
  ['libarchive.so.13', '5.3', 0],
  ['libelf.so.1', '', 0],
  ['liblua-5.4.so', '', 0],
  ['libreadline.so.8', '1', 0],
  ['libncursesw.so.6', '2', 0],
  ['libtinfo.so.6', '2', 0],
  ['libsystemd.so.0', '35.0', 0],
  ['libsigsegv.so.2', '0.7', 0],
  ['libcrypt.so.2', '0.0', 0],
  ['libldap.so.2', '0.200', 0],
  ['liblber.so.2', '0.200', 0],
  ['libsasl2.so.3', '0.0', 0],
  ['libevent-2.1.so.7', '0.1', 0],
];

const COREUTILS = (
  'arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp csplit cut date dd ' +
  'df dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join link ln ' +
  'logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv ' +
  'printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf ' +
  'sleep sort split stat stdbuf stty sum sync tac tail tee test timeout touch tr true truncate tsort tty uname ' +
  'unexpand uniq unlink users vdir wc who whoami yes'
).split(' ');

export function oracleLinuxLayer(): Entry[] {
  const l = new LayerBuilder();
  for (const d of ['bin', 'sbin', 'lib', 'lib64']) l.link(`/${d}`, `usr/${d}`);
  for (const d of [
    '/boot',
    '/dev',
    '/etc',
    '/home',
    '/media',
    '/mnt',
    '/opt',
    '/run',
    '/srv',
    '/usr',
    '/var',
  ])
    l.dir(d, d === '/boot' ? 0o555 : 0o755);
  l.dir('/proc', 0o555).dir('/sys', 0o555).dir('/root', 0o550).dir('/tmp', 0o1777);
  for (const d of [
    'bin',
    'sbin',
    'lib',
    'lib64',
    'libexec',
    'include',
    'games',
    'share',
    'src',
    'local',
    'local/bin',
    'local/sbin',
    'local/lib',
    'local/lib64',
    'local/share',
    'local/etc',
    'local/include',
    'local/libexec',
    'local/src',
  ])
    l.dir(`/usr/${d}`);
  for (const d of [
    'adm',
    'cache',
    'db',
    'empty',
    'ftp',
    'games',
    'kerberos',
    'lib',
    'local',
    'log',
    'nis',
    'opt',
    'preserve',
    'spool',
    'yp',
  ])
    l.dir(`/var/${d}`);
  l.dir('/var/tmp', 0o1777).dir('/var/spool/mail', 0o775).link('/var/mail', 'spool/mail');
  l.link('/var/run', '../run').link('/var/lock', '../run/lock').dir('/run/lock');
  // setup, filesystem, oraclelinux-release.
  l.file('/etc/passwd', OL_PASSWD).file('/etc/group', OL_GROUP);
  l.file(
    '/etc/shadow',
    OL_PASSWD.split('\n')
      .filter(Boolean)
      .map((u) => `${u.slice(0, u.indexOf(':'))}:*:19675:0:99999:7:::\n`)
      .join(''),
    0,
  );
  l.file(
    '/etc/gshadow',
    OL_GROUP.split('\n')
      .filter(Boolean)
      .map((g) => `${g.slice(0, g.indexOf(':'))}:::\n`)
      .join(''),
    0,
  );
  l.file('/etc/oracle-release', 'Oracle Linux Server release 9.3\n');
  l.link('/etc/redhat-release', 'oracle-release').link('/etc/system-release', 'oracle-release');
  l.file('/etc/system-release-cpe', 'cpe:/o:oracle:linux:9:3:server\n');
  l.file('/usr/lib/os-release', text('oraclelinux/os-release')).link(
    '/etc/os-release',
    '../usr/lib/os-release',
  );
  l.file(
    '/etc/hosts',
    '127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n',
  );
  l.file('/etc/shells', '/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n');
  l.file(
    '/etc/profile',
    '# /etc/profile\n\n# System wide environment and startup programs, for login setup\n# Functions and aliases go in /etc/bashrc\n',
  );
  l.file(
    '/etc/bashrc',
    '# /etc/bashrc\n\n# System wide functions and aliases\n# Environment stuff goes in /etc/profile\n',
  );
  l.file(
    '/etc/nsswitch.conf',
    'passwd:     files\nshadow:     files\ngroup:      files\nhosts:      files dns myhostname\nservices:   files\nnetgroup:   files\nautomount:  files\naliases:    files\n',
  );
  l.file(
    '/etc/dnf/dnf.conf',
    '[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\nskip_if_unavailable=False\n',
  );
  l.file('/etc/yum.repos.d/oracle-linux-ol9.repo', text('oraclelinux/oracle-linux-ol9.repo'));
  l.file(
    '/etc/yum.repos.d/uek-ol9.repo',
    '[ol9_UEKR7]\nname=Oracle Linux 9 UEK Release 7 ($basearch)\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL9/UEKR7/$basearch/\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n',
  );
  l.blob('/etc/pki/rpm-gpg/RPM-GPG-KEY-oracle', 3_102, '-----BEGIN PGP PUBLIC KEY BLOCK-----\n');
  l.file('/etc/dnf/vars/ociregion', '\n').file('/etc/dnf/vars/ocidomain', 'oracle.com\n');
  l.link('/etc/localtime', '../usr/share/zoneinfo/UTC');
  l.file('/etc/ld.so.conf', 'include ld.so.conf.d/*.conf\n').dir('/etc/ld.so.conf.d');
  l.blob('/etc/ld.so.cache', 14_622, 'ld.so-1.7.0');
  l.dir('/etc/skel').file(
    '/etc/skel/.bashrc',
    '# .bashrc\n\n# Source global definitions\nif [ -f /etc/bashrc ]; then\n\t. /etc/bashrc\nfi\n',
  );
  l.file(
    '/etc/skel/.bash_profile',
    '# .bash_profile\n\n# Get the aliases and functions\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n\n# User specific environment and startup programs\n',
  );
  l.file('/etc/skel/.bash_logout', '# ~/.bash_logout\n');
  // bash, coreutils-single (one binary, the commands links to it), sed, grep? no: slim has no grep.
  l.elf('/usr/bin/bash', 1_389_064).link('/usr/bin/sh', 'bash');
  l.elf('/usr/bin/coreutils', 1_389_392);
  for (const c of COREUTILS) l.link(`/usr/bin/${c}`, 'coreutils');
  l.link('/usr/bin/[', 'coreutils');
  l.elf('/usr/bin/sed', 118_176);
  l.elf('/usr/bin/microdnf', 91_624);
  l.elf('/usr/bin/rpm', 21_544)
    .elf('/usr/bin/rpmkeys', 12_904)
    .elf('/usr/bin/rpmdb', 12_904)
    .elf('/usr/bin/rpm2cpio', 12_832);
  for (const [b, s] of [
    ['gpg', 1_112_264],
    ['gpg-agent', 384_904],
    ['gpgsm', 510_760],
    ['dirmngr', 524_368],
    ['gpgconf', 142_816],
    ['gpg-connect-agent', 146_016],
    ['gpgv', 488_024],
    ['gpg2', 0],
    ['watchgnupg', 22_224],
  ] as const)
    if (s > 0) l.elf(`/usr/bin/${b}`, s);
    else l.link(`/usr/bin/${b}`, 'gpg');
  l.elf('/usr/bin/curl', 239_416).elf('/usr/bin/p11-kit', 253_128).elf('/usr/bin/trust', 437_416);
  l.elf('/usr/bin/update-ca-trust', 5_321).elf('/usr/bin/getent', 36_544).elf('/usr/bin/ldd', 5_430);
  l.elf('/usr/bin/alternatives', 42_104)
    .link('/usr/sbin/alternatives', '../bin/alternatives')
    .link('/usr/sbin/update-alternatives', '../bin/alternatives');
  for (const [b, s] of [
    ['ldconfig', 1_000_432],
    ['sln', 873_536],
    ['iconvconfig', 33_504],
    ['groupadd', 71_376],
    ['useradd', 137_400],
    ['usermod', 116_264],
    ['userdel', 88_808],
    ['groupdel', 67_032],
    ['chpasswd', 55_280],
    ['pwconv', 46_016],
    ['nologin', 16_304],
  ] as const)
    l.elf(`/usr/sbin/${b}`, s);
  for (const [name, version, fallback] of OL_LIBS)
    lib(l, '/usr/lib64', name, version === '' ? '' : version, fallback);
  l.elf('/usr/lib64/ld-linux-x86-64.so.2', hostSize('ld-linux-x86-64.so.2', 0));
  // glibc's gconv modules, locales, glibc-minimal-langpack; timezone data the container uses.
  for (const g of [
    'ANSI_X3.110',
    'CP1252',
    'IBM850',
    'ISO8859-1',
    'ISO8859-15',
    'UNICODE',
    'UTF-16',
    'UTF-32',
    'UTF-7',
    'libGB',
    'libJIS',
    'libKSC',
  ])
    l.elf(`/usr/lib64/gconv/${g}.so`, 20_000 + g.length * 3_000, 0o755);
  l.blob('/usr/lib64/gconv/gconv-modules.cache', 26_398, '');
  l.blob('/usr/lib64/gconv/gconv-modules', 56_290, '# GNU libc iconv configuration.\n');
  for (const f of [
    'LC_ADDRESS',
    'LC_COLLATE',
    'LC_CTYPE',
    'LC_IDENTIFICATION',
    'LC_MEASUREMENT',
    'LC_MESSAGES/SYS_LC_MESSAGES',
    'LC_MONETARY',
    'LC_NAME',
    'LC_NUMERIC',
    'LC_PAPER',
    'LC_TELEPHONE',
    'LC_TIME',
  ])
    l.blob(
      `/usr/lib/locale/C.utf8/${f}`,
      f === 'LC_CTYPE' ? 346_132 : f === 'LC_COLLATE' ? 1_406 : 3_000,
      '',
    );
  l.blob('/usr/share/zoneinfo/UTC', 114, 'TZif2');
  // libdnf's plugins, glib's modules, p11-kit's trust module.
  l.blob('/usr/lib64/libdnf/plugins/README', 1_010, 'Libdnf plugins\n');
  l.elf('/usr/lib64/pkcs11/p11-kit-trust.so', 474_208, 0o755);
  l.elf('/usr/lib64/gio/modules/libgiognutls.so', 106_000, 0o755);
  l.elf('/usr/libexec/p11-kit/p11-kit-remote', 16_016).elf('/usr/libexec/p11-kit/p11-kit-server', 41_192);
  l.elf('/usr/libexec/gpg-protect-tool', 93_464)
    .elf('/usr/libexec/gpg-preset-passphrase', 31_248)
    .elf('/usr/libexec/scdaemon', 447_040);
  l.elf('/usr/libexec/keyboxd', 182_000);
  // ca-certificates: the bundles update-ca-trust extracts.
  l.blob(
    '/usr/share/pki/ca-trust-source/ca-bundle.trust.p11-kit',
    1_110_512,
    '# This is a bundle of X.509 certificates of public Certificate\n',
  );
  l.blob('/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem', 218_808, '# ACCVRAIZ1\n');
  l.blob('/etc/pki/ca-trust/extracted/pem/email-ca-bundle.pem', 170_436, '# ACCVRAIZ1\n');
  l.file('/etc/pki/ca-trust/extracted/pem/objsign-ca-bundle.pem', '');
  l.blob('/etc/pki/ca-trust/extracted/openssl/ca-bundle.trust.crt', 595_005, '# ACCVRAIZ1\n');
  l.blob('/etc/pki/ca-trust/extracted/java/cacerts', 166_250, '');
  l.blob('/etc/pki/ca-trust/extracted/edk2/cacerts.bin', 161_440, '');
  l.link('/etc/pki/tls/certs/ca-bundle.crt', '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem');
  l.link('/etc/pki/tls/certs/ca-bundle.trust.crt', '/etc/pki/ca-trust/extracted/openssl/ca-bundle.trust.crt');
  l.link('/etc/pki/tls/cert.pem', '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem');
  l.blob('/etc/pki/tls/openssl.cnf', 12_162, '#\n# OpenSSL example configuration file.\n');
  l.dir('/etc/pki/tls/private', 0o755).dir('/etc/pki/tls/misc');
  for (const p of ['DEFAULT', 'FIPS', 'FUTURE', 'LEGACY'])
    l.blob(`/usr/share/crypto-policies/policies/${p}.pol`, 2_500 + p.length * 300, '# ');
  l.file('/etc/crypto-policies/config', 'DEFAULT\n');
  // rpm's database of the installed packages, and what microdnf keeps.
  l.blob('/var/lib/rpm/rpmdb.sqlite', 4_706_304, 'SQLite format 3');
  l.blob('/var/lib/dnf/history.sqlite', 118_784, 'SQLite format 3');
  l.dir('/var/cache/dnf')
    .dir('/var/log')
    .file('/var/log/dnf.librepo.log', '')
    .file('/var/log/hawkey.log', '');
  // The rest of the slim image (terminfo, glib's schemas, locale aliases, libraries' data), by size.
  for (const t of [
    'a/ansi',
    'd/dumb',
    'l/linux',
    's/screen',
    's/screen-256color',
    'v/vt100',
    'v/vt102',
    'v/vt220',
    'x/xterm',
    'x/xterm-256color',
    'x/xterm-color',
  ])
    l.blob(`/usr/share/terminfo/${t}`, 1_500 + t.length * 200, '');
  l.blob('/usr/share/locale/locale.alias', 2_997, '# Locale name alias data base.\n');
  l.blob('/usr/share/misc/magic.mgc', 7_385_712, '');
  l.blob('/usr/lib64/libicudata.so.67.1', 29_097_584, '').link(
    '/usr/lib64/libicudata.so.67',
    'libicudata.so.67.1',
  );
  l.elf('/usr/lib64/libicuuc.so.67.1', 2_008_904, 0o755).link(
    '/usr/lib64/libicuuc.so.67',
    'libicuuc.so.67.1',
  );
  l.elf('/usr/lib64/libicui18n.so.67.1', 3_106_456, 0o755).link(
    '/usr/lib64/libicui18n.so.67',
    'libicui18n.so.67.1',
  );
  return l.finish();
}

const OL_PASSWD = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
adm:x:3:4:adm:/var/adm:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/spool/mail:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
games:x:12:100:games:/usr/games:/sbin/nologin
ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin
nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin
`;

const OL_GROUP = `root:x:0:
bin:x:1:
daemon:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mem:x:8:
kmem:x:9:
wheel:x:10:
cdrom:x:11:
mail:x:12:
man:x:15:
dialout:x:18:
floppy:x:19:
games:x:20:
tape:x:33:
video:x:39:
ftp:x:50:
lock:x:54:
audio:x:63:
users:x:100:
nobody:x:65534:
utmp:x:22:
utempter:x:35:
`;

/** RUN groupadd --system --gid 999 mysql && useradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql */
export function mysqlUserLayer(below: readonly Entry[]): Entry[] {
  const l = new LayerBuilder();
  const get = (p: string): string => {
    const e = [...below].reverse().find((x) => x.path === p);
    return e?.type === 'file' ? (e.content ?? '') : '';
  };
  l.file('/etc/passwd', get('/etc/passwd') + 'mysql:x:999:999::/var/lib/mysql:/bin/bash\n');
  l.file('/etc/passwd-', get('/etc/passwd'));
  l.file('/etc/group', get('/etc/group') + 'mysql:x:999:\n').file('/etc/group-', get('/etc/group'));
  l.file('/etc/shadow', get('/etc/shadow') + 'mysql:!!:19738::::::\n', 0).file(
    '/etc/shadow-',
    get('/etc/shadow'),
    0,
  );
  l.file('/etc/gshadow', get('/etc/gshadow') + 'mysql:!::\n', 0).file(
    '/etc/gshadow-',
    get('/etc/gshadow'),
    0,
  );
  return l.finish(new Map([['/etc', 0o755]]));
}

/** RUN … curl -fL -o /usr/local/bin/gosu …; chmod +x /usr/local/bin/gosu; gosu --version; gosu nobody true */
export function gosuLayer(): Entry[] {
  return new LayerBuilder().elf('/usr/local/bin/gosu', 2_376_864).finish();
}

/** RUN microdnf install -y bzip2 gzip openssl xz zstd findutils; microdnf clean all */
export function toolsLayer(): Entry[] {
  const l = new LayerBuilder();
  for (const [b, s] of [
    ['bzip2', 38_984],
    ['gzip', 90_568],
    ['openssl', 1_037_512],
    ['xz', 88_664],
    ['zstd', 1_238_240],
    ['find', 258_344],
    ['xargs', 68_144],
  ] as const)
    l.elf(`/usr/bin/${b}`, s);
  for (const [link, to] of [
    ['bunzip2', 'bzip2'],
    ['bzcat', 'bzip2'],
    ['unxz', 'xz'],
    ['xzcat', 'xz'],
    ['unzstd', 'zstd'],
    ['zstdcat', 'zstd'],
  ] as const)
    l.link(`/usr/bin/${link}`, to);
  for (const s of [
    'gunzip',
    'zcat',
    'zdiff',
    'zgrep',
    'zless',
    'zmore',
    'znew',
    'bzdiff',
    'bzgrep',
    'xzdiff',
    'xzgrep',
    'xzless',
    'xzmore',
  ])
    l.blob(`/usr/bin/${s}`, 2_000 + s.length * 400, '#!/bin/sh\n', 0o755);
  l.elf('/usr/lib64/libzstd.so.1.5.1', 812_648, 0o755);
  l.elf('/usr/lib64/engines-3/afalg.so', 40_000, 0o755).elf('/usr/lib64/engines-3/capi.so', 16_000, 0o755);
  l.elf('/usr/lib64/engines-3/loader_attic.so', 80_000, 0o755).elf(
    '/usr/lib64/engines-3/padlock.so',
    24_000,
    0o755,
  );
  l.elf('/usr/lib64/ossl-modules/legacy.so', 150_000, 0o755);
  l.blob('/var/lib/rpm/rpmdb.sqlite', 5_017_600, 'SQLite format 3');
  l.blob('/var/lib/dnf/history.sqlite', 135_168, 'SQLite format 3');
  l.blob('/var/log/dnf.librepo.log', 2_931, '');
  l.dir('/var/cache/dnf');
  return l.finish();
}

export function mysqlKeyLayer(): Entry[] {
  return new LayerBuilder()
    .blob('/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql', 3_175, '-----BEGIN PGP PUBLIC KEY BLOCK-----\n')
    .finish();
}

export function mysqlRepoLayer(name: string, body: string): Entry[] {
  return new LayerBuilder().file(`/etc/yum.repos.d/${name}`, body).finish();
}

/** RUN microdnf install -y mysql-community-server-minimal-$MYSQL_VERSION …; the image's edits of /etc/my.cnf. */
export function mysqlServerLayer(): Entry[] {
  const l = new LayerBuilder();
  l.elf('/usr/sbin/mysqld', 91_442_960);
  const clients: [string, number][] = [
    ['mysql', 7_935_312],
    ['mysqladmin', 6_953_040],
    ['mysqlbinlog', 7_873_392],
    ['mysqlcheck', 6_973_592],
    ['mysqldump', 7_069_264],
    ['mysqlimport', 6_958_432],
    ['mysqlshow', 6_955_448],
    ['mysqlslap', 6_982_480],
    ['mysql_config_editor', 6_784_656],
    ['mysql_migrate_keyring', 7_219_688],
    ['mysql_secure_installation', 6_946_640],
    ['mysql_tzinfo_to_sql', 6_741_584],
    ['mysql_upgrade', 6_941_896],
    ['my_print_defaults', 6_747_088],
    ['ibd2sdi', 7_023_344],
    ['innochecksum', 7_047_952],
    ['myisamchk', 7_197_608],
    ['myisamlog', 7_039_480],
    ['myisampack', 7_101_016],
    ['myisam_ftdump', 7_068_312],
    ['perror', 7_053_864],
    ['mysqlrouter_keyring', 6_900_000],
  ];
  for (const [b, s] of clients) l.elf(`/usr/bin/${b}`, s);
  l.blob(
    '/usr/bin/mysqld_pre_systemd',
    3_977,
    '#!/bin/bash\n\n# Copyright (c) 2015, 2023, Oracle and/or its affiliates.\n',
    0o755,
  );
  l.blob('/usr/bin/mysqldumpslow', 8_319, '#!/usr/bin/perl\n', 0o755);
  const plugins: [string, number][] = [
    ['adt_null', 120_000],
    ['auth_socket', 110_000],
    ['authentication_ldap_sasl_client', 220_000],
    ['authentication_kerberos_client', 180_000],
    ['authentication_oci_client', 260_000],
    ['authentication_fido_client', 250_000],
    ['authentication_webauthn_client', 260_000],
    ['component_audit_api_message_emit', 140_000],
    ['component_keyring_file', 2_600_000],
    ['component_log_filter_dragnet', 380_000],
    ['component_log_sink_json', 260_000],
    ['component_log_sink_syseventlog', 170_000],
    ['component_mysqlbackup', 480_000],
    ['component_query_attributes', 150_000],
    ['component_reference_cache', 310_000],
    ['component_validate_password', 520_000],
    ['connection_control', 290_000],
    ['daemon_example', 90_000],
    ['ddl_rewriter', 260_000],
    ['group_replication', 19_800_000],
    ['ha_example', 170_000],
    ['ha_mock', 180_000],
    ['innodb_engine', 260_000],
    ['keyring_udf', 170_000],
    ['libmemcached', 1_100_000],
    ['libpluginmecab', 260_000],
    ['locking_service', 170_000],
    ['mypluglib', 110_000],
    ['mysql_clone', 1_300_000],
    ['mysql_no_login', 110_000],
    ['rewrite_example', 100_000],
    ['rewriter', 430_000],
    ['semisync_master', 600_000],
    ['semisync_replica', 330_000],
    ['semisync_slave', 330_000],
    ['semisync_source', 600_000],
    ['validate_password', 280_000],
    ['version_token', 460_000],
  ];
  for (const [p, s] of plugins) l.elf(`/usr/lib64/mysql/plugin/${p}.so`, s);
  for (const [n, s] of [
    ['libcrypto.so.3', 4_755_032],
    ['libssl.so.3', 791_328],
    ['libprotobuf-lite.so.24.4.0', 1_017_752],
    ['libfido2.so.1', 240_000],
    ['libabsl_base.so', 100_000],
  ] as const)
    l.elf(`/usr/lib64/mysql/private/${n}`, s);
  for (const c of CHARSETS)
    l.blob(
      `/usr/share/mysql-8.3/charsets/${c}.xml`,
      3_000 + c.length * 700,
      '<?xml version=\'1.0\' encoding="utf-8"?>\n',
    );
  l.blob('/usr/share/mysql-8.3/charsets/Index.xml', 19_610, '<?xml version=\'1.0\' encoding="utf-8"?>\n');
  l.blob(
    '/usr/share/mysql-8.3/charsets/README',
    1_031,
    'This directory holds configuration files that enable MySQL to work with\n',
  );
  for (const lang of LANGUAGES)
    l.blob(
      `/usr/share/mysql-8.3/${lang}/errmsg.sys`,
      lang === 'english' ? 382_218 : 310_000 + lang.length * 5_000,
      '',
    );
  for (const [f, s] of [
    ['messages_to_clients.txt', 432_183],
    ['messages_to_error_log.txt', 612_877],
    ['dictionary.txt', 6_001],
    ['install_rewriter.sql', 1_525],
    ['uninstall_rewriter.sql', 1_248],
    ['mysql-log-rotate', 1_037],
  ] as const)
    l.blob(`/usr/share/mysql-8.3/${f}`, s, '');
  l.file('/etc/my.cnf', text('mysql/my.cnf'));
  l.dir('/etc/my.cnf.d').dir('/etc/mysql/conf.d');
  l.blob('/etc/logrotate.d/mysql', 1_037, '# The log file name and location can be set in\n');
  l.file('/usr/lib/tmpfiles.d/mysql.conf', 'd /var/run/mysqld 0755 mysql mysql -\n');
  l.blob(
    '/usr/lib/systemd/system/mysqld.service',
    2_178,
    '# Copyright (c) 2015, 2023, Oracle and/or its affiliates.\n',
  );
  l.blob(
    '/usr/lib/systemd/system/mysqld@.service',
    2_218,
    '# Copyright (c) 2015, 2023, Oracle and/or its affiliates.\n',
  );
  for (const [n, s] of [
    ['libaio.so.1.0.1', 15_976],
    ['libnuma.so.1.0.0', 52_904],
    ['libtirpc.so.3.0.0', 203_088],
  ] as const) {
    l.elf(`/usr/lib64/${n}`, s);
    l.link(`/usr/lib64/${n.replace(/(\.so\.\d+).*$/, '$1')}`, n);
  }
  l.dir('/var/lib/mysql', 0o1777).dir('/var/lib/mysql-files', 0o750).dir('/var/lib/mysql-keyring', 0o750);
  l.dir('/run/mysqld', 0o1777);
  l.dir('/docker-entrypoint-initdb.d');
  l.blob('/var/lib/rpm/rpmdb.sqlite', 5_603_328, 'SQLite format 3');
  l.blob('/var/lib/dnf/history.sqlite', 147_456, 'SQLite format 3');
  l.dir('/var/log').file('/var/log/mysqld.log', '', 0o640);
  return l.finish();
}

/** RUN microdnf install -y mysql-shell-$MYSQL_SHELL_VERSION; microdnf clean all; mysqlsh --version */
export function mysqlShellLayer(): Entry[] {
  const l = new LayerBuilder();
  l.elf('/usr/bin/mysqlsh', 96_214_072);
  l.elf('/usr/bin/mysql-secret-store-login-path', 6_800_000);
  const sh = '/usr/lib/mysqlsh';
  for (const [n, s] of [
    ['libpython3.9.so.1.0', 22_897_352],
    ['libantlr4-runtime.so.4.10.1', 1_183_920],
    ['libprotobuf.so.24.4.0', 6_392_000],
    ['libcrypto.so.3', 4_755_032],
    ['libssl.so.3', 791_328],
    ['libssh.so.4', 586_056],
    ['libfido2.so.1', 240_000],
    ['libcurl.so.4', 712_120],
    ['libkrb5.so.3', 888_080],
    ['libgssapi_krb5.so.2', 349_560],
  ] as const)
    l.elf(`${sh}/${n}`, s);
  // The Python standard library it bundles: this machine's Python 3 modules' names and sizes.
  const py = '/usr/lib/python3.11';
  if (existsSync(py))
    for (const f of readdirSync(py).sort())
      if (f.endsWith('.py')) l.blob(`${sh}/lib/python3.9/${f}`, statSync(`${py}/${f}`).size, '');
  for (const d of [
    'asyncio',
    'collections',
    'concurrent',
    'ctypes',
    'email',
    'encodings',
    'html',
    'http',
    'importlib',
    'json',
    'logging',
    'multiprocessing',
    'sqlite3',
    'unittest',
    'urllib',
    'xml',
  ])
    l.blob(`${sh}/lib/python3.9/${d}/__init__.py`, 1_500 + d.length * 400, '');
  for (const m of [
    '_asyncio',
    '_bz2',
    '_ctypes',
    '_decimal',
    '_hashlib',
    '_json',
    '_lzma',
    '_sqlite3',
    '_ssl',
    'array',
    'binascii',
    'math',
    'select',
    'unicodedata',
    'zlib',
  ])
    l.elf(`${sh}/lib/python3.9/lib-dynload/${m}.cpython-39-x86_64-linux-gnu.so`, 60_000 + m.length * 9_000);
  l.blob(
    `${sh}/lib/python3.9/site-packages/README.txt`,
    119,
    'This directory exists so that 3rd party packages can be installed\n',
  );
  for (const f of [
    'adminapi-metadata/metadata-model-2.1.0.sql',
    'adminapi-metadata/metadata-upgrade.sql',
    'prompt/README.prompt',
    'prompt/prompt_16.json',
    'prompt/prompt_256.json',
    'prompt/prompt_256pl.json',
    'prompt/prompt_classic.json',
    'prompt/prompt_nocolor.json',
  ])
    l.blob(`/usr/share/mysqlsh/${f}`, 2_000 + f.length * 300, '');
  l.blob('/usr/share/mysqlsh/modules/js/README', 433, '');
  l.blob('/usr/share/mysqlsh/mysqlsh_plugins_doc.md', 9_000, '');
  l.blob('/var/lib/rpm/rpmdb.sqlite', 5_902_336, 'SQLite format 3');
  l.blob('/var/lib/dnf/history.sqlite', 159_744, 'SQLite format 3');
  return l.finish();
}

/** COPY docker-entrypoint.sh /usr/local/bin/ */
export function mysqlEntrypointLayer(): Entry[] {
  return new LayerBuilder()
    .file('/usr/local/bin/docker-entrypoint.sh', text('mysql/docker-entrypoint.sh'), 0o775)
    .finish();
}

const CHARSETS = [
  'armscii8',
  'ascii',
  'cp1250',
  'cp1251',
  'cp1256',
  'cp1257',
  'cp850',
  'cp852',
  'cp866',
  'dec8',
  'geostd8',
  'greek',
  'hebrew',
  'hp8',
  'keybcs2',
  'koi8r',
  'koi8u',
  'latin1',
  'latin2',
  'latin5',
  'latin7',
  'macce',
  'macroman',
  'swe7',
];
const LANGUAGES = [
  'bulgarian',
  'czech',
  'danish',
  'dutch',
  'english',
  'estonian',
  'french',
  'german',
  'greek',
  'hungarian',
  'italian',
  'japanese',
  'korean',
  'norwegian',
  'norwegian-ny',
  'polish',
  'portuguese',
  'romanian',
  'russian',
  'serbian',
  'slovak',
  'spanish',
  'swedish',
  'ukrainian',
];
