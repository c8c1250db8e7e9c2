import { describe, expect, it } from 'vitest';
import { createSession } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

describe('docker image prune and system prune', () => {
  it('asks before pruning and does nothing when nobody answers yes', () => {
    const r = type(createSession(), 'docker image prune', 'docker images -q');
    expect(r.out[0]).toBe(
      'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] \n',
    );
    expect(r.out[1]!.trim().split('\n')).toHaveLength(1);
  });

  it('removes a dangling commit with its layer, and keeps tagged images', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      "docker exec web sh -c 'echo x > /x'",
      'docker commit web',
      'docker rm -f web',
      'docker image prune -f',
    );
    const lines = r.out[4]!.split('\n');
    expect(lines[0]).toBe('Deleted Images:');
    expect(lines.filter((l) => l.startsWith('deleted: sha256:'))).toHaveLength(2);
    expect(r.out[4]).toMatch(/Total reclaimed space: 2B\n$/);
  });

  it('system prune -a removes stopped containers and every unused image', () => {
    const r = type(
      createSession(),
      'docker run --name once demo cat /etc/debian_version',
      'docker system prune -af',
      'docker ps -aq',
      'docker images -q',
    );
    expect(r.out[1]).toMatch(
      /^Deleted Containers:\n[0-9a-f]{64}\n\nDeleted Images:\nuntagged: demo:latest\n/,
    );
    expect(r.out[2]).toBe('');
    expect(r.out[3]).toBe('');
  });
});
