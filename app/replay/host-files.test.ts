import { openAsBlob } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archiveFiles, prepareFile } from './host-files.ts';

// The replay reads an archive a scenario loads the way the page reads a File: from disk, in pieces.

const SAMPLE = new URL('../../public/samples/sample.tar.gz', import.meta.url);

describe('archives of a scenario', () => {
  it('finds the files docker load reads and docker save writes, relative to /root', () => {
    expect(
      archiveFiles(['docker load -i a.tar && docker image save x -o /tmp/b.tar', 'docker load < c.tar']),
    ).toEqual([
      { kind: 'load', word: 'a.tar', path: '/root/a.tar' },
      { kind: 'save', word: '/tmp/b.tar', path: '/tmp/b.tar' },
      { kind: 'load', word: 'c.tar', path: '/root/c.tar' },
    ]);
  });

  it('prepares an archive from a Blob backed by the file on disk, keeping the Blob', async () => {
    const blob = await openAsBlob(SAMPLE);
    const f = await prepareFile('/root/sample.tar.gz', blob);
    expect(f.bytes).toBe(blob);
    expect('images' in f.prepared && f.prepared.images.map((i) => i.repoTags)).toEqual([
      ['layerlab-sample:1'],
    ]);
  });

  it('keeps a bad archive with the error docker load prints', async () => {
    const f = await prepareFile('/root/bad.tar', new Blob([new TextEncoder().encode('not a tar at all')]));
    expect(f.prepared).toEqual({ error: 'unexpected EOF' });
  });
});
