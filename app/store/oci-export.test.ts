import { describe, expect, it } from 'vitest';
import { readTar } from '../engine/archive/tar-read.ts';
import { ociArchiveNameFor } from './import-slice.ts';
import { realShell } from './real-shell.ts';
import { createAppStore } from './store.ts';

// The page's OCI export of an image (issue #6): no shell line (dockerd 20.10's docker save has no
// such format), the machine as it is, offered at once as <name>.oci.tar.

describe('exporting an image as an OCI layout', () => {
  it('offers the layout at once, named after the image, without typing a line', async () => {
    const store = createAppStore(realShell);
    const before = store.getState().history;
    await store.getState().exportOciLayout('demo:latest');
    const saved = store.getState().saved!;
    expect(saved).toMatchObject({
      format: 'oci-layout',
      path: 'demo_latest.oci.tar',
      ref: 'demo:latest',
      auto: true,
    });
    const names = readTar(saved.bytes).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['oci-layout', 'index.json', 'manifest.json']));
    expect(store.getState().history).toBe(before);
    expect(store.getState().exportFailed).toBeNull();
  });

  it('exports the machine as it is now: an image committed a moment ago', async () => {
    const store = createAppStore(realShell);
    store.getState().run('docker run --name c1 demo sh -c "echo hi > /TEST"');
    store.getState().run('docker commit c1 mine:1');
    await store.getState().exportOciLayout('mine:1');
    const saved = store.getState().saved!;
    const index = readTar(saved.bytes).find((e) => e.name === 'index.json')!;
    expect(new TextDecoder().decode(index.data)).toContain('"org.opencontainers.image.ref.name":"1"');
  });

  it('says why when the image cannot be exported, and a later docker save replaces the message', async () => {
    const store = createAppStore(realShell);
    await store.getState().exportOciLayout('gone:1');
    expect(store.getState().saved).toBeNull();
    expect(store.getState().exportFailed).toEqual({ ref: 'gone:1', error: 'reference does not exist' });
    store.getState().run('docker save demo -o /root/out.tar');
    expect(store.getState().exportFailed).toBeNull();
    expect(store.getState().saved).toMatchObject({ format: 'docker-archive', path: '/root/out.tar' });
    store.getState().dismissSaved();
    expect(store.getState().saved).toBeNull();
  });

  it('names the file after the ref, with anything odd made _', () => {
    expect(ociArchiveNameFor('nginx:latest')).toBe('nginx_latest.oci.tar');
    expect(ociArchiveNameFor('me/app:1.2')).toBe('me_app_1.2.oci.tar');
  });
});
