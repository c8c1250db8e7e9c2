import { describe, expect, it } from 'vitest';
import { chainIds, digestOfText } from '../../../engine/digest.ts';
import { findImage } from '../../../engine/docker/images.ts';
import { BASE2_LAYERS } from '../../../engine/testing/builders.ts';
import { createSession } from '../../session.ts';
import type { Session } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

// docker commit, images, history and tag, typed as a person would (SEMANTICS.md E1–E9).

const base2 = (): Session =>
  createSession({ demo: false, images: [{ ref: 'base:2', layers: BASE2_LAYERS }] });

describe('docker commit', () => {
  it('freezes the upper into a new layer: the blog’s TEST file is in the new image', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      'docker exec web sh -c \'echo "Hello World" >> /TEST\'',
      'docker commit web demo:test',
      'docker run --rm demo:test cat /TEST',
      'docker images',
    );
    expect(r.out[2]).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(r.out[3]).toBe('Hello World\n');
    expect(r.out[4]).toMatch(/^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE\ndemo +test /);
  });

  it('gives an image ID that is the SHA-256 of its config, and chain IDs per E6', () => {
    const r = type(
      base2(),
      'docker run -d --name c1 base:2',
      "docker exec c1 sh -c 'touch /x'",
      'docker commit c1 base:3',
    );
    const img = findImage(r.session.world, 'base:3')!;
    expect(img.id).toBe(digestOfText(img.configJson));
    expect(img.chain).toEqual(chainIds(img.config.rootfs.diff_ids));
    expect(img.config.rootfs.diff_ids).toHaveLength(3);
    expect(img.parent).toBe(findImage(r.session.world, 'base:2')!.id);
    expect(img.config.history.at(-1)).toMatchObject({ created_by: 'sleep infinity' });
  });

  it('T20: commits an untouched container as an empty layer (diff IDs unchanged, 0B in history)', () => {
    const r = type(
      base2(),
      'docker run -d --name c1 base:2',
      'docker exec c1 cat /data/a.txt',
      'docker commit c1 same:1',
      'docker history same:1',
    );
    const img = findImage(r.session.world, 'same:1')!;
    expect(img.config.rootfs.diff_ids).toEqual(findImage(r.session.world, 'base:2')!.config.rootfs.diff_ids);
    expect(img.config.history.at(-1)).toMatchObject({ empty_layer: true });
    expect(r.out[3]!.split('\n')[1]).toMatch(/sleep infinity\s+0B/);
  });

  it('T13: an upper holding only copied-up dirs still adds a layer', () => {
    const r = type(
      base2(),
      'docker run -d --name c1 base:2',
      "docker exec c1 sh -c 'echo hi > /opt/app/tmp && rm /opt/app/tmp'",
      'docker commit c1 t13:1',
    );
    expect(findImage(r.session.world, 't13:1')!.config.rootfs.diff_ids).toHaveLength(3);
  });

  it('applies -c CMD and -c ENV, -m and -a', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      `docker commit -m "add x" -a "Ada" -c 'CMD ["cat","/etc/app/app.conf"]' -c 'ENV MODE=prod' web demo:cmd`,
      'docker run --rm demo:cmd',
      'docker history demo:cmd',
    );
    expect(r.out[2]).toContain('listen 8080;');
    const img = findImage(r.session.world, 'demo:cmd')!;
    expect(img.config.config.Env).toContain('MODE=prod');
    expect(img.config).toMatchObject({ author: 'Ada', comment: 'add x' });
    expect(r.out[3]!.split('\n')[1]).toMatch(/add x$/);
  });

  it('refuses an unknown change instruction and a bad repository name, as dockerd does', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      "docker commit -c 'RUN x' web a:1",
      'docker commit web Bad:1',
    );
    expect(r.out[1]).toBe('Error response from daemon: RUN is not a valid change command\n');
    expect(r.out[2]).toBe('Error response from daemon: repository name must be lowercase\n');
  });
});

describe('docker history', () => {
  it('lists newest first, with IDs for local images and <missing> for the layers of a pulled one', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      'docker exec web touch /x',
      'docker commit web demo:2',
      'docker history demo:2',
    );
    const rows = r.out[3]!.trim().split('\n');
    expect(rows[0]).toBe(
      'IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT',
    );
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatch(/^[0-9a-f]{12} {3}/);
    expect(rows[2]).toMatch(/^[0-9a-f]{12} {3}/);
    expect(rows[3]).toMatch(/^<missing> {4}/);
    expect(rows[2]).toMatch(/…/);
  });
});

describe('docker tag and rmi', () => {
  it('adds and removes tags, and refuses to delete an image a container uses', () => {
    const r = type(
      createSession(),
      'docker tag demo mine:1',
      'docker rmi mine:1',
      'docker run -d --name web demo',
      'docker rmi demo',
    );
    expect(r.out[1]).toBe('Untagged: mine:1\n');
    expect(r.out[3]).toMatch(
      /^Error response from daemon: conflict: unable to remove repository reference "demo" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/,
    );
  });
});

describe('docker ps -s', () => {
  it('F1: SIZE is the upper’s bytes, virtual adds the image’s layers', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      "docker exec web sh -c 'echo hello > /x'",
      'docker ps -s',
    );
    expect(r.out[2]!.split('\n')[0]).toMatch(/NAMES +SIZE$/);
    expect(r.out[2]!.split('\n')[1]).toMatch(/web +6B \(virtual 1\.21kB\)$/);
  });
});

describe('the 125-layer limit (A7)', () => {
  it('refuses to commit a 126th layer with dockerd’s error', () => {
    const layers = Array.from({ length: 125 }, (_, i) =>
      i === 0
        ? [
            { path: '/bin/sh', type: 'file' as const, content: '#!\n', mode: '0755' },
            { path: '/bin/sleep', type: 'file' as const, content: '#!\n', mode: '0755' },
          ]
        : [{ path: `/l${i}`, type: 'file' as const, content: `${i}\n` }],
    );
    const r = type(
      createSession({ demo: false, images: [{ ref: 'deep:1', layers }] }),
      'docker run -d --name c1 deep:1',
      "docker exec c1 sh -c 'echo x > /x'",
      'docker commit c1 deep:2',
    );
    expect(r.out[2]).toBe('Error response from daemon: max depth exceeded\n');
    expect(r.codes[2]).toBe(1);
  });
});
