import { describe, expect, it } from 'vitest';
import type { NamespaceFs } from './namespace-fs.ts';
import { boxWith, P } from './testing/builders.ts';

// SEMANTICS.md's cases confirmed on the kernel and on dockerd (T1–T25), replayed at the level of
// system calls: each case makes the calls the real tools make, then the upper and `docker diff`
// must be what the real systems showed. (The same cases typed into the shell: app/shell/session.test.ts.)

type Case = { ops: (fs: NamespaceFs) => void; upper: string[]; diff: string[] };

const w = (fs: NamespaceFs, p: string, data: string, append = false): void => {
  fs.writeFile(P(p), data, { append });
};

const cases: Record<string, Case> = {
  'T1 echo new > /etc/config': {
    ops: (fs) => w(fs, '/etc/config', 'new\n'),
    upper: ['etc/', 'etc/config "new\\n" 644'],
    diff: ['C /etc', 'C /etc/config'],
  },
  'T2 echo more >> /data/a.txt': {
    ops: (fs) => w(fs, '/data/a.txt', 'more\n', true),
    upper: ['data/', 'data/a.txt "a\\nmore\\n" 644'],
    diff: ['C /data', 'C /data/a.txt'],
  },
  'T3 touch /data/a.txt': {
    ops: (fs) => fs.utimes(P('/data/a.txt'), null),
    upper: ['data/', 'data/a.txt "a\\n" 644'],
    diff: ['C /data', 'C /data/a.txt'],
  },
  'T4 chmod 600 /data/a.txt': {
    ops: (fs) => fs.chmod(P('/data/a.txt'), 0o600),
    upper: ['data/', 'data/a.txt "a\\n" 600'],
    diff: ['C /data', 'C /data/a.txt'],
  },
  'T5 rm /data/a.txt': {
    ops: (fs) => fs.unlink(P('/data/a.txt')),
    upper: ['data/', 'data/a.txt=wh'],
    diff: ['C /data', 'D /data/a.txt'],
  },
  'T6 rm -r /data/sub': {
    ops: (fs) => {
      fs.unlink(P('/data/sub/b.txt'));
      fs.rmdir(P('/data/sub'));
    },
    upper: ['data/', 'data/sub=wh'],
    diff: ['C /data', 'D /data/sub'],
  },
  'T7 rm -r /data/sub && mkdir /data/sub && echo n > /data/sub/new': {
    ops: (fs) => {
      fs.unlink(P('/data/sub/b.txt'));
      fs.rmdir(P('/data/sub'));
      fs.mkdir(P('/data/sub'));
      w(fs, '/data/sub/new', 'n\n');
    },
    upper: ['data/', 'data/sub/[opq]', 'data/sub/new "n\\n" 644'],
    diff: ['C /data', 'C /data/sub', 'A /data/sub/new', 'D /data/sub/b.txt'],
  },
  'T8 mv /data/a.txt /data/renamed.txt': {
    ops: (fs) => fs.rename(P('/data/a.txt'), P('/data/renamed.txt')),
    upper: ['data/', 'data/a.txt=wh', 'data/renamed.txt "a\\n" 644'],
    diff: ['C /data', 'A /data/renamed.txt', 'D /data/a.txt'],
  },
  'T9 mv /data/sub /data/sub2 (EXDEV, then copy and delete)': {
    ops: (fs) => {
      expect(fs.rename(P('/data/sub'), P('/data/sub2'))).toEqual({ ok: false, errno: 'EXDEV' });
      fs.mkdir(P('/data/sub2'));
      w(fs, '/data/sub2/b.txt', 'b\n');
      fs.unlink(P('/data/sub/b.txt'));
      fs.rmdir(P('/data/sub'));
    },
    upper: ['data/', 'data/sub=wh', 'data/sub2/', 'data/sub2/b.txt "b\\n" 644'],
    diff: ['C /data', 'A /data/sub2', 'A /data/sub2/b.txt', 'D /data/sub'],
  },
  'T10 touch /opt/app/newfile': {
    ops: (fs) => w(fs, '/opt/app/newfile', ''),
    upper: ['opt/', 'opt/app/', 'opt/app/newfile "" 644'],
    diff: ['C /opt', 'C /opt/app', 'A /opt/app/newfile'],
  },
  'T11 mkdir /opt/app/newdir': {
    ops: (fs) => fs.mkdir(P('/opt/app/newdir')),
    upper: ['opt/', 'opt/app/', 'opt/app/newdir/'],
    diff: ['C /opt', 'C /opt/app', 'A /opt/app/newdir'],
  },
  'T12 ln -s /etc/config /opt/app/link': {
    ops: (fs) => fs.symlink('/etc/config', P('/opt/app/link')),
    upper: ['opt/', 'opt/app/', 'opt/app/link -> /etc/config'],
    diff: ['C /opt', 'C /opt/app', 'A /opt/app/link'],
  },
  'T13 echo hi > /opt/app/tmp && rm /opt/app/tmp': {
    ops: (fs) => {
      w(fs, '/opt/app/tmp', 'hi\n');
      fs.unlink(P('/opt/app/tmp'));
    },
    upper: ['opt/', 'opt/app/'],
    diff: [],
  },
  'T14 rm -r /data/sub && echo f > /data/sub': {
    ops: (fs) => {
      fs.unlink(P('/data/sub/b.txt'));
      fs.rmdir(P('/data/sub'));
      w(fs, '/data/sub', 'f\n');
    },
    upper: ['data/', 'data/sub "f\\n" 644'],
    diff: ['C /data', 'C /data/sub'],
  },
  'T15 rm /etc/config && mkdir /etc/config': {
    ops: (fs) => {
      fs.unlink(P('/etc/config'));
      fs.mkdir(P('/etc/config'));
    },
    upper: ['etc/', 'etc/config/[opq]'],
    diff: ['C /etc', 'C /etc/config'],
  },
  'T16 ln /data/a.txt /data/hard': {
    ops: (fs) => fs.link(P('/data/a.txt'), P('/data/hard')),
    upper: ['data/', 'data/a.txt "a\\n" 644', 'data/hard "a\\n" 644'],
    diff: ['C /data', 'A /data/hard'],
  },
  'T17 : >> /data/a.txt': {
    ops: (fs) => w(fs, '/data/a.txt', '', true),
    upper: ['data/', 'data/a.txt "a\\n" 644'],
    diff: [],
  },
  'T18 mkdir -p /new/deep/dir && echo x > /new/deep/dir/f': {
    ops: (fs) => {
      fs.mkdir(P('/new'));
      fs.mkdir(P('/new/deep'));
      fs.mkdir(P('/new/deep/dir'));
      w(fs, '/new/deep/dir/f', 'x\n');
    },
    upper: ['new/', 'new/deep/', 'new/deep/dir/', 'new/deep/dir/f "x\\n" 644'],
    diff: ['A /new', 'A /new/deep', 'A /new/deep/dir', 'A /new/deep/dir/f'],
  },
  'T19 echo x > /opt/gone (deleted in L2)': {
    ops: (fs) => w(fs, '/opt/gone', 'x\n'),
    upper: ['opt/', 'opt/gone "x\\n" 644'],
    diff: ['C /opt', 'A /opt/gone'],
  },
  'T20 cat /data/a.txt; ls -R /': {
    ops: (fs) => {
      fs.readFile(P('/data/a.txt'));
      fs.readdir(P('/'));
      fs.readdir(P('/data'));
      fs.stat(P('/data/sub/b.txt'));
    },
    upper: [],
    diff: [],
  },
  'T21 chmod 700 /data': {
    ops: (fs) => fs.chmod(P('/data'), 0o700),
    upper: ['data/'],
    diff: ['C /data'],
  },
  'T22 mkdir /data/nd && touch /data/nd/f && mv /data/nd /data/nd2': {
    ops: (fs) => {
      fs.mkdir(P('/data/nd'));
      w(fs, '/data/nd/f', '');
      expect(fs.rename(P('/data/nd'), P('/data/nd2')).ok).toBe(true);
    },
    upper: ['data/', 'data/nd2/[opq]', 'data/nd2/f "" 644'],
    diff: ['C /data', 'A /data/nd2', 'A /data/nd2/f'],
  },
  'T23 rm -r /data && mkdir /data && echo n > /data/a.txt': {
    ops: (fs) => {
      for (const f of ['/data/a.txt', '/data/c.txt', '/data/sub/b.txt']) fs.unlink(P(f));
      fs.rmdir(P('/data/sub'));
      fs.rmdir(P('/data'));
      fs.mkdir(P('/data'));
      w(fs, '/data/a.txt', 'n\n');
    },
    upper: ['data/[opq]', 'data/a.txt "n\\n" 644'],
    diff: ['C /data', 'C /data/a.txt', 'D /data/c.txt', 'D /data/sub'],
  },
  'T25 rm /data/c.txt && touch /data/0new /data/zzz': {
    ops: (fs) => {
      fs.unlink(P('/data/c.txt'));
      w(fs, '/data/0new', '');
      w(fs, '/data/zzz', '');
    },
    upper: ['data/', 'data/0new "" 644', 'data/c.txt=wh', 'data/zzz "" 644'],
    diff: ['C /data', 'A /data/0new', 'A /data/zzz', 'D /data/c.txt'],
  },
};

describe('the confirmed cases, as system calls', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`${name}: leaves the upper and docker diff the real systems showed`, () => {
      const box = boxWith();
      box.run(c.ops);
      expect(box.upper()).toEqual(c.upper);
      expect(box.diff()).toEqual(c.diff);
    });
  }
});

describe('what copy-up keeps', () => {
  it('keeps the lower file untouched while the upper gets the changed copy', () => {
    const box = boxWith();
    const before = box.world.layers;
    box.run((fs) => w(fs, '/etc/config', 'x', true));
    expect(box.world.layers).toBe(before);
    const fs = box.fs();
    expect(fs.readFile(P('/etc/config'))).toEqual({ ok: true, value: 'v2\nx' });
  });

  it('keeps the mtime of a file whose mode is set to what it was (H4: no diff line)', () => {
    const box = boxWith();
    box.run((fs) => fs.chmod(P('/data/a.txt'), 0o644));
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\n" 644']);
    expect(box.diff()).toEqual([]);
  });

  it('records the copy-up, parents first, before the write lands', () => {
    const box = boxWith();
    const fs = box.fs();
    w(fs, '/opt/app/run', 'more', true);
    const types = fs.events().map((e) => (e.type === 'copy-up' ? `copy-up ${e.path} ${e.reason}` : e.type));
    expect(types).toEqual([
      'copy-up /opt parent',
      'copy-up /opt/app parent',
      'copy-up /opt/app/run write',
      'write',
    ]);
  });

  it('traces a lookup falling through to the layer that has the file', () => {
    const box = boxWith();
    const fs = box.fs();
    fs.readFile(P('/data/a.txt'));
    const lookup = fs.events().find((e) => e.type === 'lookup');
    expect(lookup?.type === 'lookup' && lookup.probes.map((p) => p.result)).toEqual([
      'miss',
      'miss',
      'miss',
      'hit',
    ]);
  });

  it('stops a lookup at a whiteout', () => {
    const box = boxWith();
    const fs = box.fs();
    expect(fs.stat(P('/opt/gone')).ok).toBe(false);
    const lookup = fs.events().find((e) => e.type === 'lookup');
    expect(lookup?.type === 'lookup' && lookup.probes.map((p) => p.result)).toEqual([
      'miss',
      'miss',
      'whiteout',
      'hidden',
    ]);
  });
});

describe('the init layer and run-time mounts', () => {
  it('keeps writes to /etc/hosts out of the upper (a bind mount, A6)', () => {
    const box = boxWith();
    box.run((fs) => w(fs, '/etc/hosts', '10.0.0.1 db\n', true));
    expect(box.upper()).toEqual([]);
    expect(box.diff()).toEqual([]);
    expect(box.fs().readFile(P('/etc/hosts')).ok && box.fs().readFile(P('/etc/hosts'))).toMatchObject({
      ok: true,
    });
  });

  it('copies /.dockerenv up from the init layer on touch', () => {
    const box = boxWith();
    box.run((fs) => fs.utimes(P('/.dockerenv'), null));
    expect(box.upper()).toEqual(['.dockerenv "" 755']);
    expect(box.diff()).toEqual(['C /.dockerenv']);
  });

  it('refuses to remove a bind-mounted file', () => {
    const box = boxWith();
    const fs = box.fs();
    expect(fs.unlink(P('/etc/hostname'))).toEqual({ ok: false, errno: 'EBUSY' });
  });

  it('discards what is written to /dev/null', () => {
    const box = boxWith();
    box.run((fs) => w(fs, '/dev/null', 'gone'));
    expect(box.upper()).toEqual([]);
  });
});
