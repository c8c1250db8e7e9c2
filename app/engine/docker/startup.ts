import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { AbsPath } from '../ids.ts';
import { NamespaceFs } from '../namespace-fs.ts';
import { normalize } from '../path.ts';
import { containerNamespace } from './containers.ts';
import type { Container, World } from './world.ts';

/**
 * What a container's main process does to the filesystem when it starts, for the programs of the
 * built-in catalog's images (SEMANTICS.md, after the blog walk-through): nginx's entrypoint `sed -i`s
 * default.conf to listen on IPv6 too, nginx makes its /var/cache/nginx/*_temp dirs and writes
 * /run/nginx.pid; httpd writes its pid file; mysql's entrypoint initialises its data dir (a volume)
 * and mysqld writes its pid. The decisions the real scripts take by reading files are taken here by
 * reading the container's files; every change is a shell line, run in the container by the same
 * shell a person types into, so it goes through the overlay like any other write (copy-up, sed's
 * temporary file renamed over the original …) and shows in `docker diff`.
 *
 * Keyed by the program, not the image: `docker run -d nginx:test` (a commit of an nginx container)
 * starts the same entrypoint, and `docker run -it nginx bash` starts bash through it (the entrypoint
 * runs its scripts only when asked to start nginx, then execs the command).
 */
export interface StartupPlan {
  /** Shell lines (for `sh -c`); '' when the program changes nothing at start. */
  readonly script: string;
  /** The process left running once the entrypoint has exec'd it: what decides interactivity. */
  readonly main: readonly string[];
}

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/**
 * The process an entrypoint ends up exec'ing. Every catalog entrypoint ends in `exec "$@"`
 * (mysql's prepends `mysqld` to options first); httpd-foreground execs `httpd -DFOREGROUND`.
 */
export function mainProcess(command: readonly string[]): readonly string[] {
  const b = base(command[0] ?? '');
  if (b === 'docker-entrypoint.sh' && command.length > 1) {
    const rest = command.slice(1);
    return rest[0]!.startsWith('-') ? ['mysqld', ...rest] : rest;
  }
  if (b === 'httpd-foreground') return ['httpd', '-DFOREGROUND', ...command.slice(1)];
  return command;
}

/** Quote a word for the shell. */
const q = (s: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const say = (text: string): string => `echo ${q(text)}`;
const warn = (text: string): string => `echo ${q(text)} >&2`;

/** The start-up of a container that has just started (after its mounts were made). */
export function startupPlan(world: World, c: Container): StartupPlan {
  const main = mainProcess(c.command);
  const fs = new NamespaceFs(containerNamespace(world, c), world.clock);
  const env = envOf(c);
  const lines: string[] = [];
  const entry = c.command[0] ?? '';
  const prog = base(main[0] ?? '');
  if (base(entry) === 'docker-entrypoint.sh' && (prog === 'nginx' || prog === 'nginx-debug')) {
    lines.push(...nginxEntrypoint(fs, entry, env));
  }
  if (prog === 'nginx' || prog === 'nginx-debug') lines.push(...nginx(fs, world.clock, env));
  if (base(entry) === 'httpd-foreground' || (prog === 'httpd' && main.includes('-DFOREGROUND')))
    lines.push(...httpd(fs, c, world.clock));
  if (base(entry) === 'docker-entrypoint.sh' && prog === 'mysqld' && !wantsHelp(main))
    lines.push(...mysql(fs, c, world.clock, env));
  return { script: lines.join('\n'), main };
}

function envOf(c: Container): Map<string, string> {
  const env = new Map<string, string>();
  for (const kv of c.env) {
    const eq = kv.indexOf('=');
    if (eq > 0) env.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  return env;
}

const read = (fs: NamespaceFs, p: string): string | null => {
  const r = fs.readFile(normalize(p));
  return r.ok ? r.value : null;
};

const isFile = (fs: NamespaceFs, p: string): boolean => {
  const r = fs.stat(normalize(p));
  return r.ok && r.value.kind === 'file';
};

const isDir = (fs: NamespaceFs, p: string): boolean => {
  const r = fs.stat(normalize(p));
  return r.ok && r.value.kind === 'dir';
};

/** Would a write to this file succeed (not on a read-only mount)? Tried on a scratch copy. */
const writable = (fs: NamespaceFs, p: string): boolean => {
  const scratch = new NamespaceFs(fs.ns, fs.clock);
  return scratch.utimes(normalize(p), null).ok;
};

// ---- nginx ----------------------------------------------------------------------------------------

const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';

/** /docker-entrypoint.sh when asked to start nginx: the scripts of /docker-entrypoint.d in order. */
function nginxEntrypoint(fs: NamespaceFs, entry: string, env: Map<string, string>): string[] {
  const quiet = (env.get('NGINX_ENTRYPOINT_QUIET_LOGS') ?? '') !== '';
  const log = (text: string): string[] => (quiet ? [] : [say(text)]);
  const dir = fs.readdir('/docker-entrypoint.d' as AbsPath);
  const files = dir.ok ? dir.value.filter((e) => e.kind === 'file').map((e) => e.name) : [];
  if (files.length === 0)
    return log(`${entry}: No files found in /docker-entrypoint.d/, skipping configuration`);
  const out = [
    ...log(`${entry}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`),
    ...log(`${entry}: Looking for shell scripts in /docker-entrypoint.d/`),
  ];
  for (const f of files.sort(versionCompare)) {
    const path = `/docker-entrypoint.d/${f}`;
    const st = fs.stat(normalize(path));
    const exec = st.ok && (st.value.mode & 0o111) !== 0;
    if (!f.endsWith('.sh') && !f.endsWith('.envsh')) {
      out.push(...log(`${entry}: Ignoring ${path}`));
      continue;
    }
    if (!exec) {
      out.push(...log(`${entry}: Ignoring ${path}, not executable`));
      continue;
    }
    out.push(...log(`${entry}: ${f.endsWith('.envsh') ? 'Sourcing' : 'Launching'} ${path}`));
    if (f === '10-listen-on-ipv6-by-default.sh') out.push(...listenOnIpv6(fs, f, quiet));
  }
  out.push(...log(`${entry}: Configuration complete; ready for start up`));
  return out;
}

/** sort -V, enough for the scripts' names (numbers compared as numbers). */
function versionCompare(a: string, b: string): number {
  const split = (s: string): (string | number)[] => s.split(/(\d+)/).map((p, i) => (i % 2 ? Number(p) : p));
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * 10-listen-on-ipv6-by-default.sh: skip when default.conf is missing, read-only, already has the IPv6
 * line, or differs from the packaged version (dpkg's md5 of the conffile); else `touch` it and
 * `sed -i -E` the second listen line in.
 */
function listenOnIpv6(fs: NamespaceFs, me: string, quiet: boolean): string[] {
  const log = (text: string): string[] => (quiet ? [] : [say(`${me}: info: ${text}`)]);
  if (!isFile(fs, DEFAULT_CONF)) return log(`${DEFAULT_CONF} is not a file or does not exist`);
  if (!writable(fs, DEFAULT_CONF)) return log(`can not modify ${DEFAULT_CONF} (read-only file system?)`);
  const conf = read(fs, DEFAULT_CONF) ?? '';
  const touch = `touch ${DEFAULT_CONF}`;
  if (/listen {2}\[::\]:80;/.test(conf)) return [touch, ...log('IPv6 listen already enabled')];
  const osRelease = read(fs, '/etc/os-release') ?? '';
  const id = /^ID="?([^"\n]*)"?$/m.exec(osRelease)?.[1];
  if (id === undefined) return [touch, ...log('can not guess the operating system')];
  if (id !== 'debian') return [touch, ...log('Unsupported distribution')];
  const out = [touch, ...log(`Getting the checksum of ${DEFAULT_CONF}`)];
  const packaged = conffileMd5(read(fs, '/var/lib/dpkg/status') ?? '', 'nginx', DEFAULT_CONF);
  const actual = bytesToHex(md5(new TextEncoder().encode(conf)));
  if (packaged !== actual) return [...out, ...log(`${DEFAULT_CONF} differs from the packaged version`)];
  return [
    ...out,
    `sed -i -E ${q('s,listen       80;,listen       80;\\n    listen  [::]:80;,')} ${DEFAULT_CONF}`,
    ...log(`Enabled listen on IPv6 in ${DEFAULT_CONF}`),
  ];
}

/** `dpkg-query --show --showformat='${Conffiles}\n' PKG | grep PATH | cut -d' ' -f 3` */
function conffileMd5(status: string, pkg: string, path: string): string | undefined {
  for (const stanza of status.split(/\n(?=Package: )/)) {
    if (!new RegExp(`^Package: ${pkg}$`, 'm').test(stanza)) continue;
    const m = new RegExp(`^ ${path.replace(/[.]/g, '\\.')} ([0-9a-f]{32})`, 'm').exec(stanza);
    return m?.[1];
  }
  return undefined;
}

/** nginx itself: its temp dirs (0700) under /var/cache/nginx, then its pid in the `pid` file. */
function nginx(fs: NamespaceFs, now: number, env: Map<string, string>): string[] {
  const conf = read(fs, '/etc/nginx/nginx.conf') ?? '';
  const pid = /^\s*pid\s+([^;\s]+)\s*;/m.exec(conf)?.[1] ?? '/var/run/nginx.pid';
  const temps = ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp'].map(
    (t) => `/var/cache/nginx/${t}`,
  );
  const t = nginxTime(now);
  const version = env.get('NGINX_VERSION');
  // A temp dir it cannot make (read-only rootfs) stops nginx before it writes its pid file.
  const scratch = new NamespaceFs(fs.ns, fs.clock);
  for (const dir of temps) {
    const made = scratch.mkdir(normalize(dir), 0o700);
    if (made.ok || made.errno === 'EEXIST') continue;
    return [warn(`nginx: [emerg] mkdir() "${dir}" failed (${ERRNO[made.errno] ?? made.errno})`), 'exit 1'];
  }
  return [
    `mkdir -p -m 700 ${temps.join(' ')} && echo 1 > ${q(pid)} || exit 1`,
    warn(`${t} [notice] 1#1: using the "epoll" event method`),
    ...(version ? [warn(`${t} [notice] 1#1: nginx/${version}`)] : []),
    warn(`${t} [notice] 1#1: start worker processes`),
  ];
}

/** errno as nginx prints it after the call: (30: Read-only file system). */
const ERRNO: Partial<Record<string, string>> = {
  EROFS: '30: Read-only file system',
  ENOTDIR: '20: Not a directory',
  ENOENT: '2: No such file or directory',
  EACCES: '13: Permission denied',
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** nginx's log time: 2024/01/22 11:00:01 */
function nginxTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

// ---- httpd ----------------------------------------------------------------------------------------

/** httpd-foreground removes a stale pid file, then httpd writes its own (PidFile, logs/httpd.pid). */
function httpd(fs: NamespaceFs, c: Container, now: number): string[] {
  const root = '/usr/local/apache2';
  const conf = read(fs, `${root}/conf/httpd.conf`) ?? '';
  const pidFile = /^\s*PidFile\s+"?([^"\s]+)"?/m.exec(conf)?.[1] ?? 'logs/httpd.pid';
  const pid = pidFile.startsWith('/') ? pidFile : `${root}/${pidFile}`;
  const ip = '172.17.0.2';
  const d = new Date(now * 1000);
  const when = d.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5.000000 $4');
  const version = /HTTPD_VERSION=(\S+)/.exec(c.env.join('\n'))?.[1] ?? '2.4';
  const ah00558 = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
  return [
    `rm -f ${q(`${root}/logs/httpd.pid`)}`,
    warn(ah00558),
    warn(ah00558),
    `echo 1 > ${q(pid)} || exit 1`,
    warn(
      `[${when}] [mpm_event:notice] [pid 1:tid 140245318289280] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
    ),
    warn(`[${when}] [core:notice] [pid 1:tid 140245318289280] AH00094: Command line: 'httpd -D FOREGROUND'`),
  ];
}

// ---- mysql ----------------------------------------------------------------------------------------

const wantsHelp = (argv: readonly string[]): boolean =>
  argv.some((a) => ['-?', '--help', '--print-defaults', '-V', '--version'].includes(a));

/**
 * docker-entrypoint.sh mysqld: with no database in the data dir, it needs a root password option
 * (else it stops with its error and the container exits 1); it initialises the data dir (the image's
 * VOLUME: these files land in the volume, not in the upper) and links the client socket there; then
 * mysqld writes its pid file.
 */
function mysql(fs: NamespaceFs, c: Container, now: number, env: Map<string, string>): string[] {
  const datadir = '/var/lib/mysql';
  const version = env.get('MYSQL_VERSION') ?? '';
  const d = new Date(now * 1000);
  const stamp = `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}+00:00`;
  const note = (text: string): string => say(`${stamp} [Note] [Entrypoint]: ${text}`);
  const out = [
    note(`Entrypoint script for MySQL Server ${version} started.`),
    note("Switching to dedicated user 'mysql'"),
    note(`Entrypoint script for MySQL Server ${version} started.`),
  ];
  const pid = 'echo 1 > /var/run/mysqld/mysqld.pid || exit 1';
  if (isDir(fs, `${datadir}/mysql`)) return [...out, pid];
  const has = (k: string): boolean => (env.get(k) ?? '') !== '';
  if (!has('MYSQL_ROOT_PASSWORD') && !has('MYSQL_ALLOW_EMPTY_PASSWORD') && !has('MYSQL_RANDOM_ROOT_PASSWORD'))
    return [
      ...out,
      warn(`${stamp} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`),
      warn('    You need to specify one of the following as an environment variable:'),
      warn('    - MYSQL_ROOT_PASSWORD'),
      warn('    - MYSQL_ALLOW_EMPTY_PASSWORD'),
      warn('    - MYSQL_RANDOM_ROOT_PASSWORD'),
      'exit 1',
    ];
  const uuid = `${c.id.slice(0, 8)}-${c.id.slice(8, 12)}-11ee-${c.id.slice(16, 20)}-${c.id.slice(20, 32)}`;
  const f = (name: string): string => q(`${datadir}/${name}`);
  return [
    ...out,
    note('Initializing database files'),
    `mkdir -p ${['#innodb_redo', '#innodb_temp', 'mysql', 'performance_schema', 'sys'].map(f).join(' ')}`,
    `printf '[auto]\\nserver-uuid=%s\\n' ${uuid} > ${f('auto.cnf')}`,
    `truncate -s 12582912 ${f('ibdata1')} ${f('ibtmp1')}`,
    `truncate -s 25165824 ${f('mysql.ibd')}`,
    `truncate -s 16777216 ${f('undo_001')} ${f('undo_002')}`,
    `truncate -s 3276800 ${f('#innodb_redo/#ib_redo6')}`,
    `truncate -s 196608 ${f('#ib_16384_0.dblwr')}`,
    `truncate -s 8585216 ${f('#ib_16384_1.dblwr')}`,
    `truncate -s 3024 ${f('binlog.000001')}`,
    `truncate -s 157 ${f('binlog.000002')}`,
    `printf './binlog.000001\\n./binlog.000002\\n' > ${f('binlog.index')}`,
    note('Database files initialized'),
    note('Starting temporary server'),
    note('Temporary server started.'),
    `ln -sfT /var/run/mysqld/mysqld.sock ${f('mysql.sock')}`,
    note('Stopping temporary server'),
    note('Temporary server stopped'),
    'echo',
    note('MySQL init process done. Ready for start up.'),
    'echo',
    pid,
  ];
}
