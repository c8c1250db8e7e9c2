import { describe, expect, it } from 'vitest';
import { createSession } from '../../shell/session.ts';
import type { Session } from '../../shell/session.ts';
import { BASE2_LAYERS } from '../testing/builders.ts';
import { findContainer } from './containers.ts';
import { findImage } from './images.ts';
import { type } from '../../shell/testing/type-lines.ts';

// The host's /var/lib/docker (SEMANTICS.md A2, A3, F3), browsed with the shell as the blog does.

const O2 = '/var/lib/docker/overlay2';
const base = (): Session => createSession({ demo: false, images: [{ ref: 'base:2', layers: BASE2_LAYERS }] });

describe('/var/lib/docker on the host', () => {
  it('A2: a base layer has diff/ and link only; an upper layer also lower and work/; links are 26 base32 characters', () => {
    const { session: s } = type(base(), 'docker run -d --name c1 base:2');
    const img = findImage(s.world, 'base:2')!;
    const [bottom, top] = img.chain.map((c) => s.world.layers.get(c)!);
    const r = type(
      s,
      `ls -1A ${O2}/${bottom!.cacheId}`,
      `ls -1A ${O2}/${top!.cacheId}`,
      `cat ${O2}/${top!.cacheId}/lower`,
      `cat ${O2}/${top!.cacheId}/link`,
    );
    expect(r.out[0]).toBe('committed\ndiff\nlink\n');
    expect(r.out[1]).toBe('committed\ndiff\nlink\nlower\nwork\n');
    expect(r.out[2]).toBe(`l/${bottom!.link}`);
    expect(r.out[3]).toMatch(/^[A-Z2-7]{26}$/);
  });

  it('A2: the container has <mountID>-init and <mountID> with merged/ while it runs; l/ links point at diff/', () => {
    const { session: s } = type(base(), 'docker run -d --name c1 base:2');
    const c = findContainer(s.world, 'c1')!;
    const r = type(
      s,
      `ls -1 ${O2}/${c.mountId}`,
      `cat ${O2}/${c.mountId}/lower`,
      `readlink ${O2}/l/${c.upperLink}`,
      'docker stop c1',
      `ls -1 ${O2}/${c.mountId}`,
    );
    expect(r.out[0]).toBe('diff\nlink\nlower\nmerged\nwork\n');
    expect(r.out[1]).toMatch(new RegExp(`^l/${c.initLink}:l/[A-Z2-7]{26}:l/[A-Z2-7]{26}$`));
    expect(r.out[4]).toBe('diff\nlink\nlower\nwork\n');
  });

  it('A3: layerdb holds diff, cache-id, size and parent (none for the base), without trailing newlines', () => {
    const { session: s } = type(base());
    const img = findImage(s.world, 'base:2')!;
    const [bottom, top] = img.chain.map((c) => s.world.layers.get(c)!);
    const db = '/var/lib/docker/image/overlay2/layerdb/sha256';
    const r = type(
      s,
      `ls -1 ${db}/${bottom!.chainId.slice(7)}`,
      `cat ${db}/${top!.chainId.slice(7)}/parent`,
      `cat ${db}/${top!.chainId.slice(7)}/cache-id`,
    );
    expect(r.out[0]).toBe('cache-id\ndiff\nsize\ntar-split.json.gz\n');
    expect(r.out[1]).toBe(bottom!.chainId);
    expect(r.out[2]).toBe(top!.cacheId);
  });

  it('shows the container’s upper in diff/ exactly as the engine holds it, whiteouts as character devices', () => {
    const { session: s } = type(
      base(),
      'docker run -d --name c1 base:2',
      "docker exec c1 sh -c 'rm /data/a.txt; echo x > /data/new'",
    );
    const c = findContainer(s.world, 'c1')!;
    const r = type(s, `ls -l ${O2}/${c.mountId}/diff/data`);
    expect(r.out[0]).toMatch(
      /^total \d+\nc--------- 1 root root 0, 0 .* a\.txt\n-rw-r--r-- 1 root root +2 .* new\n$/,
    );
  });

  it('F3: docker rm deletes <mountID>, <mountID>-init, their l/ links and layerdb/mounts; image layers stay', () => {
    const { session: s } = type(base(), 'docker run -d --name c1 base:2');
    const c = findContainer(s.world, 'c1')!;
    const before = type(s, `ls ${O2} | wc -l`).out[0];
    const r = type(
      s,
      'docker rm -f c1',
      `ls -1 ${O2}`,
      `ls ${O2}/l | wc -l`,
      'ls /var/lib/docker/image/overlay2/layerdb/mounts',
    );
    expect(before).toBe('5\n');
    expect(r.out[1]).not.toContain(c.mountId);
    expect(r.out[1]!.trim().split('\n')).toHaveLength(3);
    expect(r.out[2]).toBe('2\n');
    expect(r.out[3]).toBe('');
  });
});
