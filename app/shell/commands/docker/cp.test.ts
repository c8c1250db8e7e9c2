import { describe, expect, it } from 'vitest';
import { containersOut } from '../../../replay/replay.ts';
import { BASE2_LAYERS } from '../../../engine/testing/builders.ts';
import { createSession } from '../../session.ts';
import type { Session } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

// docker cp both ways, with the messages of CLI 28 and dockerd 20.10.

const withC1 = (...flags: string[]): Session =>
  type(
    createSession({ demo: false, images: [{ ref: 'base:2', layers: BASE2_LAYERS }] }),
    `docker run -d ${flags.join(' ')} --name c1 base:2`,
  ).session;

const upperOf = (s: Session): string[] =>
  containersOut(s.world)
    .find((c) => c.name === 'c1')!
    .upper.map((e) => (e.type === 'dir' ? `${e.path.slice(1)}/` : e.path.slice(1)));

describe('docker cp out of a container', () => {
  it('copies a file with its mode and time, and says how big the tar was', () => {
    const r = type(withC1(), 'docker cp c1:/etc/config cfg', "stat -c '%a %Y %s' cfg", 'cat cfg');
    expect(r.out[0]).toBe('Successfully copied 2.05kB to /root/cfg\n');
    expect(r.out[1]).toBe('644 1700000000 3\n');
    expect(r.out[2]).toBe('v2\n');
  });

  it('copies a directory under its own name into an existing one, or as the new name', () => {
    const r = type(
      withC1(),
      'docker cp c1:/opt /tmp',
      'docker cp c1:/opt /tmp/optcopy',
      'docker cp c1:/opt/app/. /tmp/dot',
      'find /tmp | sort',
    );
    expect(r.out[0]).toBe('Successfully copied 3.07kB to /tmp\n');
    expect(r.out[3]).toBe(
      '/tmp\n/tmp/dot\n/tmp/dot/run\n/tmp/opt\n/tmp/opt/app\n/tmp/opt/app/run\n/tmp/optcopy\n/tmp/optcopy/app\n/tmp/optcopy/app/run\n',
    );
  });

  it('reads volumes and the upper alike, from a stopped container too', () => {
    const r = type(
      withC1('-v myvol:/data'),
      "docker exec c1 sh -c 'echo new > /data/a.txt; echo up > /up'",
      'docker stop c1',
      'docker cp c1:/data/a.txt /tmp/a',
      'docker cp c1:/up /tmp/up',
      'cat /tmp/a /tmp/up',
    );
    expect(r.codes).toEqual([0, 0, 0, 0, 0]);
    expect(r.out[4]).toBe('new\nup\n');
  });

  it('copies a symlink as a link, or what it points to with -L', () => {
    const r = type(
      withC1(),
      "docker exec c1 sh -c 'ln -s /etc/config /opt/lnk'",
      'docker cp -q c1:/opt/lnk /tmp/lnk',
      'docker cp -q -L c1:/opt/lnk /tmp/lnk2',
      'ls -l /tmp',
    );
    expect(r.out[1]).toBe('');
    expect(r.out[3]).toMatch(/^total \d+\nlrwxrwxrwx .* lnk -> \/etc\/config\n-rw-r--r-- .* 3 .* lnk2\n$/);
  });

  it('fails the way the daemon and the CLI do', () => {
    const r = type(
      withC1(),
      'docker cp c1:/nope /tmp/x',
      'docker cp c1:/etc/config/ /tmp/x',
      'docker cp c1:/opt /etc/hostname',
      'docker cp c1:/opt/app/run /tmp/nohostdir/',
      'docker cp c1:/opt/app/run /tmp/nohostdir/x',
      'docker cp c1:/opt/app/run /etc/hostname/',
      'docker cp nosuch:/x /tmp/y',
    );
    expect(r.out[0]).toBe('Error response from daemon: Could not find the file /nope in container c1\n');
    expect(r.out[1]).toMatch(
      /^Error response from daemon: lstat \/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged\/etc\/config\/: not a directory\n$/,
    );
    expect(r.out.slice(2, 6)).toEqual([
      'cannot copy directory\n',
      'no such directory\n',
      'invalid output path: directory "/tmp/nohostdir" does not exist\n',
      'stat /etc/hostname/: not a directory\n',
    ]);
    expect(r.out[6]).toBe('Error response from daemon: No such container: nosuch\n');
    expect(r.codes.every((c) => c === 1)).toBe(true);
  });
});

describe('docker cp into a container', () => {
  it('lands in the upper, parents copied up as usual', () => {
    const r = type(withC1(), 'echo hello > /tmp/hin', 'docker cp /tmp/hin c1:/opt/app/hin', 'docker diff c1');
    expect(r.out[1]).toBe('Successfully copied 2.05kB to c1:/opt/app/hin\n');
    expect(r.out[2]).toBe('C /opt\nC /opt/app\nA /opt/app/hin\n');
    expect(upperOf(r.session)).toEqual(['opt/', 'opt/app/', 'opt/app/hin']);
  });

  it('replaces a lower file as tar does (unlink, create): C in the diff', () => {
    const r = type(
      withC1(),
      'echo new > /tmp/config',
      'docker cp /tmp/config c1:/etc',
      'docker diff c1',
      "docker exec c1 sh -c 'cat /etc/config'",
    );
    expect(r.out[2]).toBe('C /etc\nC /etc/config\n');
    expect(r.out[3]).toBe('new\n');
  });

  it('writes under a volume into the volume, never the upper', () => {
    const r = type(
      withC1('-v myvol:/data'),
      'echo hello > /tmp/hin',
      'docker cp /tmp/hin c1:/data',
      'docker diff c1',
    );
    expect(r.out[2]).toBe('');
    expect(r.session.world.volumes.get('myvol')!.tree.root.children.has('hin')).toBe(true);
  });

  it('puts a copy to a tmpfs path or /dev/shm in the upper: dockerd does not see those mounts', () => {
    const r = type(
      withC1('--tmpfs /tt'),
      'echo hello > /tmp/hin',
      'docker cp /tmp/hin c1:/tt/x',
      'docker cp /tmp/hin c1:/dev/shm/h',
      "docker exec c1 sh -c 'echo /tt/* /dev/shm/*'",
      'docker diff c1',
    );
    expect(r.out[3]).toBe('/tt/* /dev/shm/*\n');
    expect(r.out[4]).toBe('C /dev\nC /dev/shm\nA /dev/shm/h\nA /tt\nA /tt/x\n');
  });

  it('copies a directory tree, keeping modes and times', () => {
    const r = type(
      withC1(),
      'mkdir -p /tmp/mdir/sub && echo 1 > /tmp/mdir/sub/one && chmod 700 /tmp/mdir && touch -d @1600000000 /tmp/mdir',
      'docker cp /tmp/mdir c1:/opt/app',
      'docker exec c1 sh -c \'stat -c "%a %Y" /opt/app/mdir; cat /opt/app/mdir/sub/one\'',
    );
    // mdir/ 512, sub/ 512, one 512+512, end of archive 1024.
    expect(r.out[1]).toBe('Successfully copied 3.07kB to c1:/opt/app\n');
    expect(r.out[2]).toBe('700 1600000000\n1\n');
  });

  it('fails the way the daemon and the CLI do', () => {
    const r = type(
      withC1(),
      'echo hello > /tmp/hin',
      'mkdir /tmp/dir',
      'docker cp /nope c1:/x',
      'docker cp /tmp/nope c1:/x',
      'docker cp /tmp/hin c1:/nonexist/x',
      'docker cp /tmp/hin c1:/newfile/',
      'docker cp /tmp/hin c1:/etc/config/x',
      'docker cp /tmp/dir c1:/opt/app/run',
      'docker cp /tmp/hin/ c1:/tmp/',
      'docker cp /tmp/hin c1:/etc/hostname',
      'docker cp c1:/a c1:/b',
      'docker cp /tmp/a /tmp/b',
    );
    expect(r.out.slice(2)).toEqual([
      'lstat //nope: no such file or directory\n',
      'lstat /tmp/nope: no such file or directory\n',
      'Error response from daemon: Could not find the file /nonexist in container c1\n',
      'no such directory\n',
      'Error response from daemon: extraction point is not a directory\n',
      'cannot copy directory\n',
      'not a directory\n',
      'Error response from daemon: Error processing tar file(exit status 1): unlinkat /etc/hostname: device or resource busy\n',
      'copying between containers is not supported\n',
      'must specify at least one container source\n',
    ]);
    expect(r.codes.slice(2).every((c) => c === 1)).toBe(true);
  });

  it('refuses a read-only rootfs or volume, not a writable volume of a read-only container', () => {
    const r = type(
      withC1('--read-only -v /anon2 -v myvol:/data:ro'),
      'echo hello > /tmp/hin',
      'docker cp /tmp/hin c1:/x',
      'docker cp /tmp/hin c1:/data/x',
      'docker cp -q /tmp/hin c1:/anon2/x',
    );
    expect(r.out.slice(1)).toEqual([
      'Error response from daemon: container rootfs is marked read-only\n',
      'Error response from daemon: mounted volume is marked read-only\n',
      '',
    ]);
    expect(r.codes.slice(1)).toEqual([1, 1, 0]);
  });
});
