import { describe, expect, it } from 'vitest';
import { BASE2_LAYERS } from '../../../engine/testing/builders.ts';
import { createSession } from '../../session.ts';
import type { Session } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

// `docker volume …` as CLI 28 prints it against dockerd 20.10.

const base2 = (): Session =>
  createSession({ demo: false, images: [{ ref: 'base:2', layers: BASE2_LAYERS }] });

describe('docker volume create, ls, inspect', () => {
  it('creates named and nameless volumes, again without complaint', () => {
    const r = type(
      base2(),
      'docker volume create data',
      'docker volume create data',
      'docker volume create',
      'docker volume ls',
    );
    expect(r.out.slice(0, 2)).toEqual(['data\n', 'data\n']);
    const anon = r.out[2]!.trim();
    expect(anon).toMatch(/^[0-9a-f]{64}$/);
    expect(r.out[3]).toBe(`DRIVER    VOLUME NAME\nlocal     ${anon}\nlocal     data\n`);
  });

  it('prints the API’s JSON and a Go-template field', () => {
    const r = type(
      base2(),
      'docker volume create --label b=2 --label a data',
      'docker volume inspect data',
      "docker volume inspect -f '{{.Mountpoint}} {{.Name}}' data",
    );
    expect(r.out[1]).toBe(
      '[\n    {\n        "CreatedAt": "2024-01-22T11:00:01Z",\n        "Driver": "local",\n        "Labels": {\n' +
        '            "a": "",\n            "b": "2"\n        },\n        "Mountpoint": "/var/lib/docker/volumes/data/_data",\n' +
        '        "Name": "data",\n        "Options": null,\n        "Scope": "local"\n    }\n]\n',
    );
    expect(r.out[2]).toBe('/var/lib/docker/volumes/data/_data data\n');
  });

  it('reports what it cannot find after what it found', () => {
    const r = type(
      base2(),
      'docker volume inspect nosuch',
      'docker volume create kv',
      'docker volume inspect kv nosuch',
    );
    expect(r.out[0]).toBe('[]\nError response from daemon: get nosuch: no such volume\n');
    expect(r.codes[0]).toBe(1);
    expect(r.out[2]).toMatch(
      /^\[\n {4}\{\n[^]*"Name": "kv"[^]*\]\nError response from daemon: get nosuch: no such volume\n$/,
    );
  });

  it('refuses bad names and other drivers as dockerd does', () => {
    const r = type(
      base2(),
      "docker volume create 'bad/name'",
      'docker volume create a',
      'docker volume create -d foo xx',
    );
    expect(r.out[0]).toBe(
      'Error response from daemon: create bad/name: "bad/name" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n',
    );
    expect(r.out[1]).toBe(
      'Error response from daemon: create a: volume name is too short, names should be at least two alphanumeric characters\n',
    );
    expect(r.out[2]).toBe(
      'Error response from daemon: create xx: error looking up volume plugin foo: plugin "foo" not found\n',
    );
    expect(r.codes).toEqual([1, 1, 1]);
  });

  it('lists only dangling volumes with -f dangling=true', () => {
    const r = type(
      base2(),
      'docker volume create free',
      'docker run -d -v used:/data --name c1 base:2',
      'docker volume ls -q -f dangling=true',
    );
    expect(r.out[2]).toBe('free\n');
  });

  it('shows its own help and refuses unknown subcommands', () => {
    const r = type(base2(), 'docker volume', 'docker volume foo');
    expect(r.out[0]).toContain(
      'Usage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n  create      Create a volume\n',
    );
    expect(r.out[1]).toBe(
      "docker: unknown command: docker volume foo\n\nUsage:  docker volume COMMAND\n\nRun 'docker volume --help' for more information\n",
    );
  });
});

describe('docker volume rm and prune', () => {
  it('refuses a volume in use by any container, naming them', () => {
    const r = type(
      base2(),
      'docker run -d -v myvol:/data --name c1 base:2',
      'docker stop c1',
      'docker volume rm myvol',
    );
    const id = r.session.world.containers.keys().next().value!;
    expect(r.out[2]).toBe(`Error response from daemon: remove myvol: volume is in use - [${id}]\n`);
    expect(r.codes[2]).toBe(1);
  });

  it('removes free volumes, complains about missing ones unless -f', () => {
    const r = type(
      base2(),
      'docker volume create named1',
      'docker volume rm named1 nosuch',
      'docker volume rm -f nosuch',
    );
    expect(r.out[1]).toBe('named1\nError response from daemon: get nosuch: no such volume\n');
    expect(r.codes.slice(1)).toEqual([1, 0]);
    expect(r.out[2]).toBe('nosuch\n');
  });

  it('keeps named volumes on docker rm, takes anonymous ones with rm -v (F3)', () => {
    const r = type(
      base2(),
      "docker run --name rv -v /anonrv -v keep2:/k base:2 sh -c 'echo'",
      'docker volume ls -q',
      'docker rm -v rv',
      'docker volume ls -q',
    );
    expect(r.out[1]!.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.out[3]).toBe('keep2\n');
  });

  it('asks before pruning, answered N with nothing piped in', () => {
    const r = type(base2(), 'docker volume create pv1', 'docker volume prune', 'docker volume ls -q');
    expect(r.out[1]).toBe(
      'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] \n',
    );
    expect(r.out[2]).toBe('pv1\n');
  });

  it('prunes every unused volume (dockerd 20.10), counting their files', () => {
    const r = type(
      base2(),
      'docker volume create pv1',
      "docker run -v pv2:/data --name pr1 base:2 sh -c 'echo x > /data/f'",
      'docker run -d -v busy:/data --name c1 base:2',
      'docker rm pr1',
      'echo y | docker volume prune',
      'docker volume prune -f',
      'docker volume ls -q',
    );
    // pv2 was filled with /data of the image (6B) before f (2B) was written.
    expect(r.out[4]).toBe(
      'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] Deleted Volumes:\npv1\npv2\n\nTotal reclaimed space: 8B\n',
    );
    expect(r.out[5]).toBe('Total reclaimed space: 0B\n');
    expect(r.out[6]).toBe('busy\n');
  });
});
