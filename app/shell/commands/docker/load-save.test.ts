import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findImage } from '../../../engine/docker/images.ts';
import { addHostFile, runLinePreparing } from '../../host-files.ts';
import type { Session } from '../../session.ts';
import { createSession, runLine } from '../../session.ts';

async function type(s: Session, line: string): Promise<[Session, string, number]> {
  const r = await runLinePreparing(s, line);
  return [r.session, r.output.map((c) => c.text).join(''), r.exitCode];
}

const sample = new Uint8Array(readFileSync('public/samples/sample.tar.gz'));

describe('docker load and docker save', () => {
  it('load -i reads a host file, then the image runs and has its real history', async () => {
    let s = addHostFile(createSession({ demo: false }), 'sample.tar.gz', sample);
    let out: string;
    [s, out] = await type(s, 'docker load -i sample.tar.gz');
    expect(out).toBe('Loaded image: layerlab-sample:1\n');
    [s, out] = await type(s, 'docker run --rm layerlab-sample:1 cat /TEST');
    expect(out).toBe('Hello from a real image\n');
    [s, out] = await type(s, 'docker history --no-trunc layerlab-sample:1');
    expect(out).toContain('echo shared > /data/one && ln /data/one /data/two');
  });

  it('load < FILE reads the same bytes; a second load says the image is there', async () => {
    let s = addHostFile(createSession({ demo: false }), '/tmp/s.tgz', sample);
    let out: string;
    [s, out] = await type(s, 'docker load < /tmp/s.tgz');
    expect(out).toBe('Loaded image: layerlab-sample:1\n');
    [s, out] = await type(s, 'docker image load -q -i /tmp/s.tgz');
    expect(out).toBe('Loaded image: layerlab-sample:1\n');
  });

  it('an archive of two images that share layers loads both (each shared layer is read once)', async () => {
    let s = createSession();
    let out: string;
    [s] = await type(s, 'docker run --name c1 demo touch /x && docker commit c1 two:1 >/dev/null');
    [s] = await type(s, 'docker save demo two:1 -o /tmp/two.tar');
    const bytes = s.hostFiles!.get('/tmp/two.tar')!.bytes;
    let t = addHostFile(createSession({ demo: false }), '/root/two.tar', bytes);
    [t, out] = await type(t, 'docker load -i two.tar');
    expect(out).toBe('Loaded image: demo:latest\nLoaded image: two:1\n');
    expect(findImage(t.world, 'two:1')!.id).toBe(findImage(s.world, 'two:1')!.id);
    [t, out] = await type(t, 'docker run --rm two:1 ls /x');
    expect(out).toBe('/x\n');
  });

  it('without preparing, the line asks for the archive and keeps nothing', () => {
    const s = addHostFile(createSession({ demo: false }), 'x.tar', sample);
    const r = runLine(s, 'docker load -i x.tar');
    expect(r.needsArchive).toBe('/root/x.tar');
    expect(r.session).toBe(s);
  });

  it('save -o writes an archive that loads back as the same image', async () => {
    let s = createSession();
    let out: string;
    let code: number;
    [s, out, code] = await type(
      s,
      'docker run --name c1 demo sh -c "echo hi > /TEST" && docker commit c1 mine:1 >/dev/null',
    );
    [s, out, code] = await type(s, 'docker save mine:1 -o /tmp/mine.tar && ls -l /tmp/mine.tar');
    expect(code).toBe(0);
    const bytes = s.hostFiles!.get('/tmp/mine.tar')!.bytes as Uint8Array;
    expect(out).toContain(` ${bytes.length} `);
    const id = findImage(s.world, 'mine:1')!.id;
    let t = addHostFile(createSession({ demo: false }), '/root/in.tar', bytes);
    [t, out] = await type(t, 'docker load -i in.tar');
    expect(out).toBe('Loaded image: mine:1\n');
    expect(findImage(t.world, 'mine:1')!.id).toBe(id);
    [t, out] = await type(t, 'docker run --rm mine:1 cat /TEST');
    expect(out).toBe('hi\n');
  });

  it('save > FILE works too; to the terminal it refuses', async () => {
    let s = createSession();
    let out: string;
    [s, out] = await type(s, 'docker save demo > d.tar');
    expect(out).toBe('');
    expect((s.hostFiles?.get('/root/d.tar')?.bytes as Uint8Array).length).toBeGreaterThan(1024);
    [s, out] = await type(s, 'docker save demo');
    expect(out).toBe('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
  });

  it.each([
    ['docker load -i nope.tar', 'open nope.tar: no such file or directory\n'],
    [
      'echo hello > t.tar; docker load -i t.tar',
      'Error processing tar file(exit status 1): unexpected EOF\n',
    ],
    ['docker load < /dev/null', 'requested load from stdin, but stdin is empty\n'],
    ['docker save nosuch:1 -o x.tar', 'Error response from daemon: reference does not exist\n'],
    [
      'docker save demo -o /no/dir/x.tar',
      'failed to save image: invalid output path: directory "/no/dir" does not exist\n',
    ],
  ])('%s', async (line, message) => {
    const [, out, code] = await type(createSession(), line);
    expect(out).toBe(message);
    expect(code).toBe(1);
  });

  it('a corrupted archive is a clear error and loads nothing', async () => {
    const bad = sample.slice(0, sample.length - 4000);
    const s = addHostFile(createSession({ demo: false }), 'bad.tgz', bad);
    const [t, out, code] = await type(s, 'docker load -i bad.tgz');
    expect(code).toBe(1);
    expect(out).toMatch(/unexpected EOF|gzip/);
    expect(t.world.images.size).toBe(0);
  });
});
