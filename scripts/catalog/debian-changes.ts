import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import type { Entry, LayerBuilder } from './lib.ts';
import {
  addPackage,
  dpkgList,
  extractDeb,
  hostEntry,
  isInstalled,
  pruneExcludedDirs,
  statusStanza,
} from './lib.ts';

// What an `apt-get install` RUN step leaves in a layer on top of debian:bookworm-slim, besides the
// packages' own files: dpkg's and debconf's databases grown, apt's and dpkg's logs, ldconfig's cache,
// and for ca-certificates the links update-ca-certificates makes.

export interface AptStep {
  /** Packages from Debian, installed on this machine or in its apt cache. */
  readonly packages: readonly string[];
  /** Packages from elsewhere (nginx.org, a local build): their dpkg status stanzas. */
  readonly extraStanzas?: readonly string[];
  /** Names of every package added (for the info files and apt's extended_states). */
  readonly manual: readonly string[];
}

export function aptInstall(l: LayerBuilder, base: readonly Entry[], step: AptStep): void {
  for (const pkg of step.packages) addPackage(l, pkg);
  pruneExcludedDirs(l);
  const baseStatus = contentOf(base, '/var/lib/dpkg/status');
  const stanzas = new Map<string, string>();
  for (const s of baseStatus.split(/\n(?=Package: )/))
    stanzas.set(/^Package: (.*)$/m.exec(s)![1]!, s.trimEnd() + '\n');
  for (const pkg of step.packages) stanzas.set(pkg, statusStanza(pkg));
  for (const s of step.extraStanzas ?? []) stanzas.set(/^Package: (.*)$/m.exec(s)![1]!, s.trimEnd() + '\n');
  const sorted = [...stanzas.keys()].sort();
  l.file('/var/lib/dpkg/status', sorted.map((p) => stanzas.get(p)!).join('\n'));
  l.blob(
    '/var/lib/dpkg/status-old',
    Buffer.byteLength(baseStatus),
    baseStatus.slice(0, 120).replace(/[^\n]*$/, ''),
  );
  // The info files of the new packages: this machine's for installed ones, else the file list.
  const info = readdirSync('/var/lib/dpkg/info');
  for (const pkg of step.packages) {
    if (isInstalled(pkg)) {
      for (const f of info)
        if (f.startsWith(`${pkg}.`) || f.startsWith(`${pkg}:amd64.`))
          hostEntry(l, `/var/lib/dpkg/info/${f}`, `/var/lib/dpkg/info/${f}`);
    } else {
      const x = extractDeb(pkg);
      const list = ['/.', ...(x ? x.paths : dpkgList(pkg))].join('\n') + '\n';
      l.blob(
        `/var/lib/dpkg/info/${pkg}.list`,
        Buffer.byteLength(list),
        list.slice(0, 120).replace(/[^\n]*$/, ''),
      );
    }
  }
  // apt's record of automatically installed packages.
  const auto = [
    ...step.packages,
    ...(step.extraStanzas ?? []).map((s) => /^Package: (.*)$/m.exec(s)![1]!),
  ].filter((p) => !step.manual.includes(p));
  l.file(
    '/var/lib/apt/extended_states',
    auto
      .sort()
      .map(
        (p) =>
          `Package: ${p}\nArchitecture: ${p.startsWith('fonts-') || p.endsWith('-data') || p.endsWith('-config') || p === 'ca-certificates' ? 'all' : 'amd64'}\nAuto-Installed: 1\n`,
      )
      .join('\n'),
  );
  // Logs and caches that grow with every install (binary or long: known by their size).
  const n = step.packages.length + (step.extraStanzas?.length ?? 0);
  l.blob('/var/log/dpkg.log', 310 * n, '2024-01-16 00:24:31 startup archives unpack\n');
  l.blob('/var/log/apt/history.log', 900 + 60 * n, '\nStart-Date: 2024-01-16  00:24:28\n');
  l.blob('/var/log/apt/term.log', 2_000 + 420 * n, '\nLog started: 2024-01-16  00:24:28\n', 0o640);
  l.blob('/var/log/apt/eipp.log.xz', 4_000 + 350 * n, '');
  l.blob(
    '/var/cache/debconf/templates.dat',
    sizeOf(base, '/var/cache/debconf/templates.dat') + 1_800 * n,
    'Name: ',
  );
  l.blob('/var/cache/debconf/templates.dat-old', sizeOf(base, '/var/cache/debconf/templates.dat'), 'Name: ');
  l.blob('/var/cache/debconf/config.dat', sizeOf(base, '/var/cache/debconf/config.dat') + 90 * n, 'Name: ');
  l.blob('/var/cache/debconf/config.dat-old', sizeOf(base, '/var/cache/debconf/config.dat'), 'Name: ');
  l.blob('/etc/ld.so.cache', sizeOf(base, '/etc/ld.so.cache') + 160 * n, 'ld.so-1.7.0');
  l.dir('/var/lib/apt/lists').dir('/var/cache/apt/archives/partial', 0o700);
}

/** update-ca-certificates' links in /etc/ssl/certs (this machine's, for Mozilla's certificates) and its conf. */
export function caCertificates(l: LayerBuilder): void {
  const dir = '/etc/ssl/certs';
  const mozilla = new Set(
    dpkgList('ca-certificates').filter((p) => p.startsWith('/usr/share/ca-certificates/mozilla/')),
  );
  const pems = new Set<string>();
  for (const name of readdirSync(dir)) {
    const st = lstatSync(`${dir}/${name}`);
    if (!st.isSymbolicLink() || !name.endsWith('.pem')) continue;
    if (mozilla.has(readlinkSync(`${dir}/${name}`))) {
      pems.add(name);
      hostEntry(l, `${dir}/${name}`, `${dir}/${name}`);
    }
  }
  for (const name of readdirSync(dir)) {
    if (!/^[0-9a-f]{8}\.\d$/.test(name)) continue;
    if (pems.has(readlinkSync(`${dir}/${name}`))) hostEntry(l, `${dir}/${name}`, `${dir}/${name}`);
  }
  hostEntry(l, `${dir}/ca-certificates.crt`, `${dir}/ca-certificates.crt`);
  l.file(
    '/etc/ca-certificates.conf',
    "# This file lists certificates that you wish to use or to ignore to be\n# installed in /etc/ssl/certs.\n# update-ca-certificates(8) will update /etc/ssl/certs by reading this file.\n#\n# This is autogenerated by dpkg-reconfigure ca-certificates.\n# Certificates should be installed under /usr/share/ca-certificates\n# and files with extension '.crt' is recognized as available certs.\n#\n# line begins with # is comment.\n# line begins with ! is certificate filename to be deselected.\n#\n" +
      [...mozilla]
        .map((p) => p.replace('/usr/share/ca-certificates/', '') + '\n')
        .sort()
        .join(''),
  );
}

/** A user and group added by groupadd/useradd --system: the four tables and their `-` backups. */
export function addUser(
  l: LayerBuilder,
  below: readonly Entry[],
  user: { name: string; uid: number; gid: number; gecos: string; home: string; shell: string; day: number },
): void {
  const tables: [string, string, number][] = [
    ['passwd', `${user.name}:x:${user.uid}:${user.gid}:${user.gecos}:${user.home}:${user.shell}\n`, 0o644],
    ['group', `${user.name}:x:${user.gid}:\n`, 0o644],
    ['shadow', `${user.name}:!:${user.day}::::::\n`, 0o640],
    ['gshadow', `${user.name}:!::\n`, 0o640],
  ];
  for (const [t, line, mode] of tables) {
    const old = contentOf(below, `/etc/${t}`);
    l.file(`/etc/${t}`, old + line, mode);
    l.file(`/etc/${t}-`, old, t === 'shadow' || t === 'gshadow' ? 0o600 : 0o644);
  }
}

export const contentOf = (entries: readonly Entry[], path: string): string => {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.path === path && e.type === 'file') return e.content ?? '';
  }
  throw new Error(`${path} is not a file of the layer below`);
};

const sizeOf = (entries: readonly Entry[], path: string): number => {
  const e = entries.find((x) => x.path === path);
  return e?.type === 'file' ? Math.max(e.size ?? 0, Buffer.byteLength(e.content ?? '')) : 0;
};

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** A dpkg status stanza (the fields `dpkg -s` starts with). */
export function stanza(
  pkg: string,
  section: string,
  version: string,
  arch: string,
  maintainer: string,
  depends: string,
  description: string,
  installedSize: number,
): string {
  return (
    [
      `Package: ${pkg}`,
      'Status: install ok installed',
      'Priority: optional',
      `Section: ${section}`,
      `Installed-Size: ${installedSize}`,
      `Maintainer: ${maintainer}`,
      `Architecture: ${arch}`,
      `Version: ${version}`,
      `Depends: ${depends}`,
      `Description: ${description}`,
    ].join('\n') + '\n'
  );
}
