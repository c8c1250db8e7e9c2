import { describe, expect, it } from 'vitest';
import { containersOut } from '../../../replay/replay.ts';
import { walk } from '../../../engine/tree.ts';
import { BASE2_LAYERS } from '../../../engine/testing/builders.ts';
import { createSession } from '../../session.ts';
import type { Session } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

// docker run's volume, tmpfs and read-only flags, typed at the prompt.

const base2 = (): Session =>
  createSession({ demo: false, images: [{ ref: 'base:2', layers: BASE2_LAYERS }] });

const upperOf = (s: Session, name: string): string[] =>
  containersOut(s.world)
    .find((c) => c.name === name)!
    .upper.map((e) => (e.type === 'dir' ? `${e.path.slice(1)}/` : e.path.slice(1)));

const volumeFiles = (s: Session, name: string): string[] =>
  [...walk(s.world.volumes.get(name)!.tree.root)].map(([p, n]) =>
    n.kind === 'file' ? `${p}=${JSON.stringify(n.content)}` : `${p}/`,
  );

describe('T24: docker run -d -v myvol:/data -v /anon', () => {
  it('keeps every write under the volumes out of the upper, diff and size', () => {
    const r = type(
      base2(),
      'docker run -d -v myvol:/data -v /anon --name c1 base:2',
      'docker exec -it c1 sh',
      'echo z > /data/a.txt; echo more >> /data/c.txt; rm /data/sub/b.txt; echo z > /anon/z',
      'exit',
      'docker diff c1',
    );
    expect(r.codes.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(upperOf(r.session, 'c1')).toEqual(['anon/']);
    expect(r.out[4]).toBe('A /anon\n');
    expect(volumeFiles(r.session, 'myvol')).toEqual(['/a.txt="z\\n"', '/c.txt="c\\nmore\\n"', '/sub/']);
    const anon = [...r.session.world.volumes.values()].find((v) => v.anonymous)!;
    expect(volumeFiles(r.session, anon.name)).toEqual(['/z="z\\n"']);
  });

  it('shows one volume to two containers', () => {
    const r = type(
      base2(),
      'docker run -d -v shared:/data --name ca base:2',
      'docker run -d -v shared:/data --name cb base:2',
      "docker exec ca sh -c 'echo from-a > /data/new'",
      "docker exec cb sh -c 'cat /data/new'",
    );
    expect(r.out[3]).toBe('from-a\n');
  });

  it('refuses bad specifications with dockerd’s words and exit 125', () => {
    const r = type(base2(), 'docker run --rm -v data:rel base:2', 'docker run -v yy:/d -v zz:/d base:2');
    expect(r.codes).toEqual([125, 125]);
    expect(r.out[0]).toBe(
      `docker: Error response from daemon: invalid volume specification: 'data:rel': invalid mount config for type "volume": invalid mount path: 'rel' mount path must be absolute\n\nRun 'docker run --help' for more information\n`,
    );
    expect(r.out[1]).toContain('Duplicate mount point: /d');
    expect(r.session.world.containers.size).toBe(0);
  });

  it('removes the anonymous volumes of a --rm container, never the named ones', () => {
    const r = type(
      base2(),
      "docker run --rm -v /anonrm -v keepme:/k base:2 sh -c 'echo hi > /k/f'",
      'docker volume ls -q',
    );
    expect(r.out[1]).toBe('keepme\n');
  });
});

describe('--mount', () => {
  it('is read by the CLI (usage errors) and checked by dockerd', () => {
    const r = type(
      base2(),
      'docker run --rm --mount type=volume,bogus=1,dst=/m base:2',
      'docker run --rm --mount type=foo,dst=/m base:2',
      "docker run --rm --mount type=volume,src=mv1,dst=/m base:2 sh -c 'echo hi > /m/f'",
      'docker volume ls -q',
    );
    expect(r.out[0]).toBe(
      `invalid argument "type=volume,bogus=1,dst=/m" for "--mount" flag: unexpected key 'bogus' in 'bogus=1'\n\n` +
        "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
    );
    expect(r.out[1]).toBe(
      'docker: Error response from daemon: invalid mount config for type "foo": mount type unknown\n\n' +
        "Run 'docker run --help' for more information\n",
    );
    expect(r.codes).toEqual([125, 125, 0, 0]);
    expect(r.out[3]).toBe('mv1\n');
  });
});

describe('--read-only and --tmpfs', () => {
  it('makes every write to the rootfs fail with EROFS, as coreutils reports it', () => {
    const r = type(
      base2(),
      'docker run -d --read-only -v /vol --tmpfs /tt --name ro base:2',
      "docker exec ro sh -c 'touch /x'",
      "docker exec ro sh -c 'echo hi > /etc/config'",
      "docker exec ro sh -c 'mkdir /newd'",
      "docker exec ro sh -c 'echo ok > /vol/f && echo ok > /tt/f && echo ok > /dev/shm/f && echo done'",
      "docker exec ro sh -c 'echo x > /etc/hosts'",
      'docker diff ro',
    );
    expect(r.out[1]).toBe("touch: cannot touch '/x': Read-only file system\n");
    expect(r.out[2]).toBe('sh: 1: cannot create /etc/config: Read-only file system\n');
    expect(r.out[3]).toBe("mkdir: cannot create directory '/newd': Read-only file system\n");
    expect(r.out[4]).toBe('done\n');
    expect(r.out[5]).toContain('Read-only file system');
    // The mount points were made before the rootfs went read-only.
    expect(r.out[6]).toBe('A /tt\nA /vol\n');
  });

  it('mounts a tmpfs whose mount point shows in the diff but whose files never do', () => {
    const r = type(
      base2(),
      'docker run -d --tmpfs /tmpd --tmpfs /data/t --name tt base:2',
      "docker exec tt sh -c 'echo hi > /tmpd/f; echo hi > /data/t/f'",
      'docker diff tt',
    );
    expect(r.out[2]).toBe('C /data\nA /data/t\nA /tmpd\n');
    expect(upperOf(r.session, 'tt')).toEqual(['data/', 'data/t/', 'tmpd/']);
  });

  it('empties a tmpfs when the container starts again', () => {
    const r = type(
      base2(),
      'docker run -d --tmpfs /tt --name tt base:2',
      "docker exec tt sh -c 'echo hi > /tt/f'",
      'docker stop tt',
      'docker start tt',
      "docker exec tt sh -c 'echo /tt/*'",
    );
    expect(r.out[4]).toBe('/tt/*\n');
  });

  it('lists the mounts in /proc/mounts', () => {
    const r = type(
      base2(),
      "docker run --rm --read-only -v named:/data --tmpfs /t:mode=700 base:2 sh -c 'head -1 /proc/mounts'",
    );
    expect(r.out[0]).toMatch(/^overlay \/ overlay ro,relatime,lowerdir=/);
  });
});
