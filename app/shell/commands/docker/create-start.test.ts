import { describe, expect, it } from 'vitest';
import { BASE2_LAYERS } from '../../../engine/testing/builders.ts';
import { createSession, promptOf } from '../../session.ts';
import type { Session } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

// docker create and docker start: run's two halves, typed at the prompt.

const base2 = (): Session =>
  createSession({ demo: false, images: [{ ref: 'base:2', layers: BASE2_LAYERS }] });
const stateOf = (s: Session, name: string) => [...s.world.containers.values()].find((c) => c.name === name);

describe('docker create', () => {
  it('prints the id and leaves the container created: volumes exist, mount points not yet', () => {
    const r = type(
      base2(),
      'docker create --name k1 -v kv:/opt/app/sub -v /anonc base:2',
      'docker diff k1',
      'docker volume ls -q',
    );
    expect(r.out[0]).toMatch(/^[0-9a-f]{64}\n$/);
    expect(stateOf(r.session, 'k1')?.state).toBe('created');
    expect(r.out[1]).toBe('');
    expect(r.out[2]).toMatch(/^[0-9a-f]{64}\nkv\n$/);
  });

  it('fails as dockerd does, with exit 1 and no usage hint', () => {
    const r = type(
      base2(),
      'docker create --name k1 base:2 sleep 1',
      'docker create --name k1 base:2 sleep 1',
      'docker create -v /etc/config base:2 sleep 1',
      'docker create -d base:2',
    );
    expect(r.out[1]).toMatch(
      /^Error response from daemon: Conflict\. The container name "\/k1" is already in use/,
    );
    expect(r.out[2]).toMatch(
      /^Error response from daemon: cannot mount volume over existing file, file exists \/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged\/etc\/config\n$/,
    );
    expect(r.codes).toEqual([0, 1, 1, 125]);
    expect(r.out[3]).toMatch(/^unknown shorthand flag: 'd' in -d\n/);
    expect(r.session.world.containers.size).toBe(1);
  });

  it('creates a container whose program is missing: start is where runc finds out', () => {
    const r = type(
      base2(),
      'docker create --name k2 base:2 nosuchprog',
      'docker start k2',
      'docker start -a k2',
    );
    expect(r.codes).toEqual([0, 1, 1]);
    const msg =
      'Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuchprog": executable file not found in $PATH: unknown\n';
    expect(r.out[1]).toBe(`${msg}Error: failed to start containers: k2\n`);
    expect(r.out[2]).toBe(msg);
    expect(stateOf(r.session, 'k2')?.state).toBe('created');
  });
});

describe('docker start', () => {
  it('runs a short program to its end unseen, or attached with -a', () => {
    const r = type(
      base2(),
      `docker create --name k1 -v kv:/data base:2 sh -c 'echo hi; ls /data; exit 3'`,
      'docker start k1',
      'docker ps -a',
      'docker start -a k1',
      'docker start -i k1',
    );
    expect(r.out[1]).toBe('k1\n');
    expect(r.out[2]).toMatch(/Exited \(3\)/);
    expect(r.out[3]).toBe('hi\na.txt  c.txt  sub\n');
    expect(r.codes.slice(3)).toEqual([3, 3]);
  });

  it('prints each name, reports the missing ones at the end', () => {
    const r = type(
      base2(),
      'docker create --name k3 base:2 sleep 3600',
      'docker start k3 k3',
      'docker start nosuch k3',
    );
    expect(r.out[1]).toBe('k3\nk3\n');
    expect(r.out[2]).toBe(
      'Error response from daemon: No such container: nosuch\nk3\nError: failed to start containers: nosuch\n',
    );
    expect(r.codes[2]).toBe(1);
    expect(stateOf(r.session, 'k3')?.state).toBe('running');
  });

  it('attaches to one container only', () => {
    const r = type(
      base2(),
      'docker create --name k3 base:2 sleep 3600',
      'docker start -a k3 k3',
      'docker start',
    );
    expect(r.out[1]).toBe('you cannot start and attach multiple containers at once\n');
    expect(r.out[2]).toBe(
      "docker: 'docker start' requires at least 1 argument\n\nUsage:  docker start [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker start --help' for more information\n",
    );
  });

  it('gives back the shell of a container created with -it when started with -ai', () => {
    let s = type(base2(), 'docker create -it --name sh1 base:2 sh', 'docker start sh1').session;
    expect(stateOf(s, 'sh1')?.state).toBe('running');
    s = type(s, 'docker stop sh1', 'docker start -ai sh1').session;
    expect(promptOf(s)).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    s = type(s, 'exit 4').session;
    expect(stateOf(s, 'sh1')).toMatchObject({ state: 'exited', exitCode: 4 });
  });

  it('makes run -d run a short program to its end too', () => {
    const r = type(
      base2(),
      "docker run -d --name d1 base:2 sh -c 'echo x > /made'",
      'docker ps -a',
      'docker diff d1',
    );
    expect(r.out[1]).toMatch(/Exited \(0\)/);
    expect(r.out[2]).toBe('A /made\n');
  });
});
