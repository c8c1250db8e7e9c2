import { describe, expect, it } from 'vitest';
import { BASE2_LAYERS } from '../engine/testing/builders.ts';
import { createSession, promptOf } from './session.ts';
import type { Session } from './session.ts';
import { containersOut } from '../replay/replay.ts';
import { type } from './testing/type-lines.ts';

// What a person types, line by line, through the same session the page and the replay use.

const base2 = (): Session =>
  createSession({ demo: false, images: [{ ref: 'base:2', layers: BASE2_LAYERS }] });

function inContainer(...lines: string[]): { diff: string[]; upper: string[]; out: string[] } {
  const r = type(base2(), 'docker run -d --name c1 base:2', 'docker exec -it c1 sh', ...lines, 'exit');
  const c = containersOut(r.session.world)[0]!;
  const upper = c.upper.map((e) =>
    e.type === 'whiteout'
      ? `${e.path.slice(1)}=wh`
      : e.type === 'dir'
        ? `${e.path.slice(1)}/${e.opaque ? '[opq]' : ''}`
        : e.path.slice(1),
  );
  return { diff: c.diff as string[], upper, out: r.out };
}

describe('the confirmed cases, typed into the container shell', () => {
  const table: [string, string[], string[], string[]][] = [
    ['T1', ['echo new > /etc/config'], ['etc/', 'etc/config'], ['C /etc', 'C /etc/config']],
    ['T2', ['echo more >> /data/a.txt'], ['data/', 'data/a.txt'], ['C /data', 'C /data/a.txt']],
    ['T3', ['touch /data/a.txt'], ['data/', 'data/a.txt'], ['C /data', 'C /data/a.txt']],
    ['T4', ['chmod 600 /data/a.txt'], ['data/', 'data/a.txt'], ['C /data', 'C /data/a.txt']],
    ['T5', ['rm /data/a.txt'], ['data/', 'data/a.txt=wh'], ['C /data', 'D /data/a.txt']],
    ['T6', ['rm -r /data/sub'], ['data/', 'data/sub=wh'], ['C /data', 'D /data/sub']],
    [
      'T7',
      ['rm -r /data/sub && mkdir /data/sub && echo n > /data/sub/new'],
      ['data/', 'data/sub/[opq]', 'data/sub/new'],
      ['C /data', 'C /data/sub', 'A /data/sub/new', 'D /data/sub/b.txt'],
    ],
    [
      'T8',
      ['mv /data/a.txt /data/renamed.txt'],
      ['data/', 'data/a.txt=wh', 'data/renamed.txt'],
      ['C /data', 'A /data/renamed.txt', 'D /data/a.txt'],
    ],
    [
      'T9',
      ['mv /data/sub /data/sub2'],
      ['data/', 'data/sub=wh', 'data/sub2/', 'data/sub2/b.txt'],
      ['C /data', 'A /data/sub2', 'A /data/sub2/b.txt', 'D /data/sub'],
    ],
    [
      'T10',
      ['touch /opt/app/newfile'],
      ['opt/', 'opt/app/', 'opt/app/newfile'],
      ['C /opt', 'C /opt/app', 'A /opt/app/newfile'],
    ],
    [
      'T11',
      ['mkdir /opt/app/newdir'],
      ['opt/', 'opt/app/', 'opt/app/newdir/'],
      ['C /opt', 'C /opt/app', 'A /opt/app/newdir'],
    ],
    [
      'T12',
      ['ln -s /etc/config /opt/app/link'],
      ['opt/', 'opt/app/', 'opt/app/link'],
      ['C /opt', 'C /opt/app', 'A /opt/app/link'],
    ],
    ['T13', ['echo hi > /opt/app/tmp && rm /opt/app/tmp'], ['opt/', 'opt/app/'], []],
    ['T14', ['rm -r /data/sub && echo f > /data/sub'], ['data/', 'data/sub'], ['C /data', 'C /data/sub']],
    [
      'T15',
      ['rm /etc/config && mkdir /etc/config'],
      ['etc/', 'etc/config/[opq]'],
      ['C /etc', 'C /etc/config'],
    ],
    ['T16', ['ln /data/a.txt /data/hard'], ['data/', 'data/a.txt', 'data/hard'], ['C /data', 'A /data/hard']],
    ['T17', [': >> /data/a.txt'], ['data/', 'data/a.txt'], []],
    [
      'T18',
      ['mkdir -p /new/deep/dir && echo x > /new/deep/dir/f'],
      ['new/', 'new/deep/', 'new/deep/dir/', 'new/deep/dir/f'],
      ['A /new', 'A /new/deep', 'A /new/deep/dir', 'A /new/deep/dir/f'],
    ],
    ['T19', ['echo x > /opt/gone'], ['opt/', 'opt/gone'], ['C /opt', 'A /opt/gone']],
    ['T20', ['cat /data/a.txt; ls -R /'], [], []],
    ['T21', ['chmod 700 /data'], ['data/'], ['C /data']],
    [
      'T22',
      ['mkdir /data/nd && touch /data/nd/f && mv /data/nd /data/nd2'],
      ['data/', 'data/nd2/[opq]', 'data/nd2/f'],
      ['C /data', 'A /data/nd2', 'A /data/nd2/f'],
    ],
    [
      'T23',
      ['rm -r /data && mkdir /data && echo n > /data/a.txt'],
      ['data/[opq]', 'data/a.txt'],
      ['C /data', 'C /data/a.txt', 'D /data/c.txt', 'D /data/sub'],
    ],
    [
      'T25',
      ['rm /data/c.txt && touch /data/0new /data/zzz'],
      ['data/', 'data/0new', 'data/c.txt=wh', 'data/zzz'],
      ['C /data', 'A /data/0new', 'A /data/zzz', 'D /data/c.txt'],
    ],
  ];
  for (const [name, lines, upper, diff] of table) {
    it(`${name}: ${lines.join(' ')}`, () => {
      const r = inContainer(...lines);
      expect(r.upper).toEqual(upper);
      expect(r.diff).toEqual(diff);
    });
  }
});

describe('the blog walk-through on the built-in image', () => {
  it('shows the new file in the container and A /TEST in docker diff', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      'docker exec -it web bash',
      'touch TEST',
      'echo "Hello World" >> TEST',
      'cat TEST',
      'exit',
      'docker diff web',
    );
    expect(r.out[4]).toBe('Hello World\n');
    // bash writes its history on exit, so /root changes too (as in the blog's `ls diff/`).
    expect(r.out[6]).toBe('A /TEST\nC /root\nA /root/.bash_history\n');
    expect(r.codes.every((c) => c === 0)).toBe(true);
  });

  it('changes the prompt inside a container shell and back after exit', () => {
    let s = createSession();
    expect(promptOf(s)).toBe('$ ');
    s = type(s, 'docker run -d --name web demo', 'docker exec -it web sh').session;
    expect(promptOf(s)).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    s = type(s, 'cd /etc/app').session;
    expect(promptOf(s)).toMatch(/^root@[0-9a-f]{12}:\/etc\/app# $/);
    s = type(s, 'exit').session;
    expect(promptOf(s)).toBe('$ ');
  });
});

describe('docker on the command line', () => {
  it('prints bash’s message for a typo and keeps the session', () => {
    const r = type(createSession(), 'dokcer ps', 'docker ps -a');
    expect(r.out[0]).toBe('bash: dokcer: command not found\n');
    expect(r.codes).toEqual([127, 0]);
    expect(r.out[1]).toMatch(/^CONTAINER ID {3}IMAGE/);
  });

  it('refuses a second container with the same name, as dockerd does', () => {
    const r = type(createSession(), 'docker run -d --name web demo', 'docker run -d --name web demo');
    expect(r.codes[1]).toBe(125);
    expect(r.out[1]).toMatch(
      /^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\./,
    );
  });

  it('checks the program exists before it starts the container', () => {
    const r = type(createSession(), 'docker run demo nosuchprog', 'docker ps -a');
    expect(r.codes[0]).toBe(127);
    expect(r.out[0]).toContain('exec: "nosuchprog": executable file not found in $PATH: unknown');
  });

  it('runs a one-off command and removes the container with --rm', () => {
    const r = type(createSession(), 'docker run --rm demo cat /etc/app/app.conf', 'docker ps -aq');
    expect(r.out[0]).toContain('listen 8080;');
    expect(r.out[1]).toBe('');
  });

  it('stops and removes containers, keeping the image', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      'docker rm web',
      'docker stop web',
      'docker rm web',
      'docker ps -a',
    );
    expect(r.out[1]).toMatch(/You cannot remove a running container/);
    expect(r.out.slice(2, 4)).toEqual(['web\n', 'web\n']);
    expect(r.out[4]!.trim().split('\n')).toHaveLength(1);
  });

  it('runs a script with docker exec sh -c', () => {
    const r = type(
      createSession(),
      'docker run -d --name web demo',
      "docker exec web sh -c 'echo hi > /x && cat /x'",
      'docker diff web',
    );
    expect(r.out[1]).toBe('hi\n');
    expect(r.out[2]).toBe('A /x\n');
  });

  it('ends a docker run -it container when its shell exits', () => {
    const r = type(createSession(), 'docker run -it --name tt demo bash', 'exit 3', 'docker ps -a');
    expect(r.out[2]).toMatch(/Exited \(3\)/);
  });

  it('keeps the session after hostile input', () => {
    const huge = 'echo ' + 'x'.repeat(200_000);
    const r = type(createSession(), huge, "'unterminated", '(((((', 'docker run -d --name web demo');
    expect(r.codes[3]).toBe(0);
  });
});
