import { describe, expect, it } from 'vitest';
import { BASE2_LAYERS } from '../../../engine/testing/builders.ts';
import { createSession } from '../../session.ts';
import type { Session } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

const base2 = (): Session =>
  createSession({ demo: false, images: [{ ref: 'base:2', layers: BASE2_LAYERS }] });

describe('docker container prune', () => {
  const setup = [
    'docker run -d --name up base:2',
    "docker run --name pr2 base:2 sh -c 'echo hello > /f'",
    'docker run --name pr3 -v /anonp base:2 sh -c :',
    'docker create --name k2 base:2 nosuchprog',
  ];

  it('asks first, and with nothing piped in the answer is N', () => {
    const r = type(base2(), ...setup, 'docker container prune', 'docker ps -aq');
    expect(r.out[4]).toBe(
      'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] \n',
    );
    expect(r.out[5]!.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('removes every container not running, newest first, and counts their uppers', () => {
    const r = type(base2(), ...setup, 'docker container prune -f', 'docker ps -aq', 'docker volume ls -q');
    const ids = [...r.session.world.containers.keys()];
    expect(ids).toHaveLength(1);
    const lines = r.out[4]!.split('\n');
    expect(lines[0]).toBe('Deleted Containers:');
    expect(lines.slice(1, 4).every((l) => /^[0-9a-f]{64}$/.test(l))).toBe(true);
    // pr2's /f is the only byte in an upper: 6B ("hello\n").
    expect(lines.slice(4)).toEqual(['', 'Total reclaimed space: 6B', '']);
    // Its volumes stay: pr3's anonymous volume is still there.
    expect(r.out[6]).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('takes a piped y as the answer, and says 0B when nothing is left', () => {
    const r = type(
      base2(),
      ...setup.slice(1, 2),
      'echo y | docker container prune',
      'docker container prune -f',
    );
    expect(r.out[1]).toMatch(/\[y\/N\] Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 6B\n$/);
    expect(r.out[2]).toBe('Total reclaimed space: 0B\n');
  });

  it('accepts no arguments', () => {
    const r = type(base2(), 'docker container prune x');
    expect(r.out[0]).toBe(
      "docker: 'docker container prune' accepts no arguments\n\nUsage:  docker container prune [OPTIONS]\n\nRun 'docker container prune --help' for more information\n",
    );
    expect(r.codes[0]).toBe(1);
  });
});
