import { describe, expect, it } from 'vitest';
import { BASE2_LAYERS } from '../engine/testing/builders.ts';
import { complete } from './completion.ts';
import { createSession, runLine } from './session.ts';
import type { Session } from './session.ts';
import { type } from './testing/type-lines.ts';

// Tab at the end of what was typed; '|' in the expectation marks where the caret ends up.
const tab = (session: Session, typed: string, caret = typed.length): string => {
  const r = complete(session, typed, caret);
  return `${r.line.slice(0, r.cursor)}|${r.line.slice(r.cursor)}`;
};
const listed = (session: Session, typed: string): readonly string[] =>
  complete(session, typed, typed.length).candidates;

/** The host with two containers of base:2 (web, db) and the demo image. */
const host = (): Session =>
  type(
    createSession({ images: [{ ref: 'base:2', layers: BASE2_LAYERS }] }),
    'docker run -d --name web base:2',
    'docker run -d --name db base:2',
  ).session;

/** A shell inside web, at / (base:2's working directory). */
const inWeb = (...lines: string[]): Session => type(host(), 'docker exec -it web sh', ...lines).session;

describe('the command name', () => {
  it('completes a program of the registry with a space after it', () => {
    expect(tab(host(), 'gre')).toBe('grep |');
  });

  it('completes the shell builtins too', () => {
    expect(tab(host(), 'ech')).toBe('echo |');
    expect(tab(host(), 'expo')).toBe('export |');
  });

  it('offers docker on the host but not inside a container', () => {
    expect(tab(host(), 'doc')).toBe('docker |');
    expect(tab(inWeb(), 'doc')).toBe('doc|');
  });

  it('starts again after a pipe or a semicolon', () => {
    expect(tab(host(), 'ls | gr')).toBe('ls | grep |');
    expect(tab(host(), 'true; ech')).toBe('true; echo |');
  });
});

describe('docker subcommands', () => {
  it('completes a unique subcommand', () => {
    expect(tab(host(), 'docker ex')).toBe('docker exec |');
  });

  it('types the common part of several, then lists them', () => {
    expect(tab(host(), 'docker im')).toBe('docker image|');
    expect(listed(host(), 'docker image')).toEqual(['image', 'images']);
  });

  it('completes the second word of a two-word spelling', () => {
    expect(tab(host(), 'docker container insp')).toBe('docker container inspect |');
  });
});

describe('containers after a subcommand that takes one', () => {
  it('completes a container name, past the flags', () => {
    expect(tab(host(), 'docker exec -it w')).toBe('docker exec -it web |');
    expect(tab(host(), 'docker exec -e A=1 -it d')).toBe('docker exec -e A=1 -it db |');
  });

  it('completes a short ID from its first characters', () => {
    const s = host();
    const id = [...s.world.containers.values()].find((c) => c.name === 'web')!.id;
    expect(tab(s, `docker diff ${id.slice(0, 4)}`)).toBe(`docker diff ${id.slice(0, 12)} |`);
  });

  it('lists names only when nothing is typed yet', () => {
    expect(listed(host(), 'docker stop ')).toEqual(['db', 'web']);
  });

  it('completes paths inside the container after the command of docker exec', () => {
    expect(tab(host(), 'docker exec web cat /etc/con')).toBe('docker exec web cat /etc/config |');
  });

  it('completes CONTAINER: and then the path inside it for docker cp', () => {
    expect(tab(host(), 'docker cp we')).toBe('docker cp web:|');
    expect(tab(host(), 'docker cp web:/data/a')).toBe('docker cp web:/data/a.txt |');
  });
});

describe('images after a subcommand that takes one', () => {
  it('completes name:tag for run, past flags and their values', () => {
    expect(tab(host(), 'docker run -d --name x ba')).toBe('docker run -d --name x base:2 |');
  });

  it('lists every image for rmi', () => {
    expect(listed(host(), 'docker rmi ')).toEqual(['base:2', 'demo:latest']);
  });

  it('offers nothing for the value of a flag', () => {
    expect(listed(host(), 'docker run --name ')).toEqual([]);
  });

  it('offers containers and images for docker inspect', () => {
    expect(listed(host(), 'docker inspect ')).toEqual(['base:2', 'db', 'demo:latest', 'web']);
  });
});

describe('paths in the shell the line runs in', () => {
  it('completes a file of the container merged view with a space after it', () => {
    expect(tab(inWeb(), 'cat /etc/con')).toBe('cat /etc/config |');
  });

  it('completes a directory with a slash and no space, relative to the cwd', () => {
    expect(tab(inWeb(), 'ls da')).toBe('ls data/|');
    expect(tab(inWeb('cd /data'), 'cat su')).toBe('cat sub/|');
  });

  it('lists the names of a directory when nothing more can be typed', () => {
    expect(tab(inWeb(), 'ls /data/')).toBe('ls /data/|');
    expect(listed(inWeb(), 'ls /data/')).toEqual(['a.txt', 'c.txt', 'sub/']);
  });

  it('types the longest common prefix of several names', () => {
    const s = inWeb('touch /tmp/report-2023.txt /tmp/report-2024.txt');
    expect(tab(s, 'cat /tmp/r')).toBe('cat /tmp/report-202|');
    expect(listed(s, 'cat /tmp/report-202')).toEqual(['report-2023.txt', 'report-2024.txt']);
  });

  it('does not see a file the upper layer whited out', () => {
    expect(listed(inWeb(), 'ls /opt/')).toEqual([]);
    expect(tab(inWeb(), 'ls /opt/')).toBe('ls /opt/app/|');
  });

  it('leaves the line alone when nothing fits', () => {
    expect(tab(inWeb(), 'cat /nope')).toBe('cat /nope|');
    expect(listed(inWeb(), 'cat /nope')).toEqual([]);
  });

  it('offers only directories to cd', () => {
    expect(tab(inWeb(), 'cd /data/')).toBe('cd /data/sub/|');
  });

  it('completes the file of a redirection', () => {
    expect(tab(inWeb(), 'echo hi >> /etc/co')).toBe('echo hi >> /etc/config |');
  });

  it('keeps what follows the caret, stepping over the space already there', () => {
    expect(tab(inWeb(), 'cat /etc/co | wc -l', 'cat /etc/co'.length)).toBe('cat /etc/config || wc -l');
  });

  it('escapes a space in a name, or closes the quote that was opened', () => {
    const s = inWeb("touch '/tmp/my file'");
    expect(tab(s, 'cat /tmp/my')).toBe('cat /tmp/my\\ file |');
    expect(tab(s, 'cat /tmp/my\\ f')).toBe('cat /tmp/my\\ file |');
    expect(tab(s, 'cat "/tmp/my')).toBe('cat "/tmp/my file" |');
  });

  it('hides dot files until a dot is typed', () => {
    const s = inWeb('touch /tmp/.hidden /tmp/shown');
    expect(tab(s, 'ls /tmp/')).toBe('ls /tmp/shown |');
    expect(tab(s, 'ls /tmp/.h')).toBe('ls /tmp/.hidden |');
  });
});

describe('completing changes nothing', () => {
  it('leaves the session as it was: the next line runs exactly as without Tab', () => {
    const s = inWeb();
    const without = runLine(s, 'echo x > /data/new');
    for (const typed of ['cat /data/', 'cat /etc/co', 'ls /opt/', 'c']) complete(s, typed, typed.length);
    const withTab = runLine(s, 'echo x > /data/new');
    expect(withTab.events).toEqual(without.events);
    expect(withTab.session.world.clock).toBe(without.session.world.clock);
  });
});
