/**
 * Real images in and out (issue #6): build images with dockerd (`docker import`, `docker build
 * --network none`: a layer deleting a file, one making a dir opaque by `rm -r` + `mkdir`, one with a
 * hard link), `docker save` them and load them into the engine — diff IDs and image ID must equal
 * dockerd's, the engine's merged tree the real container's filesystem (`docker export`, init-layer
 * paths left out). Then the other way: commit in the engine, `docker save` from the engine, real
 * `docker load` and `docker run … cat /TEST`.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPrepared } from '../app/engine/archive/load.ts';
import { prepareArchive } from '../app/engine/archive/prepare.ts';
import { saveImages } from '../app/engine/archive/save.ts';
import { readTar } from '../app/engine/archive/tar-read.ts';
import { findImage, imageLayersTopFirst } from '../app/engine/docker/images.ts';
import { layerId } from '../app/engine/ids.ts';
import { emptyLayer } from '../app/engine/layer.ts';
import { walkMerged } from '../app/engine/overlay.ts';
import { createSession, runLine } from '../app/shell/session.ts';
import { DOCKER, startDockerd, stopDockerd } from './dockerd.ts';
import { exec } from './exec.ts';
import { runOciExportChecks } from './oci-export.ts';
import { runOciImportChecks } from './oci-import.ts';
import { fileText } from '../app/engine/content.ts';

const APPLETS = ['sh', 'sleep', 'cat', 'echo', 'printf', 'rm', 'mkdir', 'ln', 'ls'];
/** What Docker adds to every container (the init layer, A5) and the mount points: not the image's. */
const INIT = /^\/(\.dockerenv|etc\/(hosts|hostname|resolv\.conf|mtab)|dev(\/.*)?|proc|sys)$/;

export async function runImageChecks(
  work: string,
  print: (line: string) => void,
): Promise<{ passed: number; failed: number }> {
  const d = await startDockerd(join(work, 'dockerd-images'));
  let passed = 0;
  let failed = 0;
  const check = (name: string, problems: string[]): void => {
    if (problems.length === 0) return void passed++;
    failed++;
    print(`FAIL images/${name}`);
    for (const p of problems.slice(0, 20)) print(`  ${p}`);
  };
  const docker = async (...args: string[]): Promise<string> => {
    const r = await exec(DOCKER, args, { env: d.env });
    if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr.trim()}`);
    return r.stdout;
  };
  try {
    const dir = join(work, 'images');
    const root = join(dir, 'rootfs');
    for (const sub of ['bin', 'etc', 'data/sub', 'tmp']) mkdirSync(join(root, sub), { recursive: true });
    copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
    for (const a of APPLETS) symlinkSync('busybox', join(root, 'bin', a));
    writeFileSync(join(root, 'etc/config'), 'v1\n');
    writeFileSync(join(root, 'etc/gone'), 'old\n');
    writeFileSync(join(root, 'data/sub/b.txt'), 'b\n');
    const r = await exec('tar', [
      '--numeric-owner',
      '--owner=0',
      '--group=0',
      '-C',
      root,
      '-cf',
      join(dir, 'base.tar'),
      '.',
    ]);
    if (r.code !== 0) throw new Error(`tar: ${r.stderr}`);
    await docker('import', join(dir, 'base.tar'), 'conf-img:base');
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        'FROM conf-img:base',
        'RUN rm /etc/gone && echo v2 > /etc/config',
        'RUN rm -r /data/sub && mkdir /data/sub && echo new > /data/sub/new.txt',
        'RUN echo shared > /data/one && ln /data/one /data/two',
        'CMD ["sh"]',
        '',
      ].join('\n'),
    );
    await docker('build', '--network', 'none', '-q', '-t', 'conf-img:1', dir);
    await docker('save', 'conf-img:1', '-o', join(dir, 'img.tar'));

    // In: the engine's view of the saved image against dockerd's.
    const prepared = await prepareArchive(new Uint8Array(readFileSync(join(dir, 'img.tar'))));
    const loaded = loadPrepared(createSession({ demo: false }).world, prepared);
    if (!loaded.ok) throw new Error(`the engine refused dockerd's archive: ${loaded.error}`);
    const img = findImage(loaded.world, 'conf-img:1')!;
    const realId = (await docker('image', 'inspect', '-f', '{{.Id}}', 'conf-img:1')).trim();
    const realLayers = (
      await docker('image', 'inspect', '-f', '{{json .RootFS.Layers}}', 'conf-img:1')
    ).trim();
    const idProblems: string[] = [];
    if (img.id !== realId) idProblems.push(`image ID: engine ${img.id}, dockerd ${realId}`);
    if (JSON.stringify(img.config.rootfs.diff_ids) !== realLayers)
      idProblems.push(
        `diff IDs: engine ${JSON.stringify(img.config.rootfs.diff_ids)}, dockerd ${realLayers}`,
      );
    check('load-ids', idProblems);

    await docker('create', '--name', 'conf-c', 'conf-img:1');
    await docker('export', 'conf-c', '-o', join(dir, 'export.tar'));
    const exported = readTar(new Uint8Array(readFileSync(join(dir, 'export.tar'))));
    // A hard link's bytes are its first name's.
    const dataOf = new Map(exported.map((e) => [e.name, e.data]));
    const real = exported
      .map((e) => (e.type === '1' ? { ...e, type: '0', data: dataOf.get(e.linkname) ?? e.data } : e))
      .map((e) => {
        const path = `/${e.name.replace(/^\.\//, '').replace(/\/$/, '')}`;
        const kind = e.type === '5' ? 'dir' : e.type === '2' ? `symlink ${e.linkname}` : 'file';
        const body =
          e.type === '0' && !path.startsWith('/bin/')
            ? ` ${JSON.stringify(new TextDecoder().decode(e.data))}`
            : '';
        return `${path} ${kind} ${(e.mode & 0o7777).toString(8)}${body}`;
      })
      .filter((l) => !INIT.test(l.split(' ')[0]!) && !l.startsWith('/ '))
      .sort();
    const ov = {
      upper: emptyLayer(layerId('x'), 0),
      lowers: imageLayersTopFirst(loaded.world, img),
      nextIno: 1,
    };
    const sim = [...walkMerged(ov)]
      .map(([path, res]) => {
        const n = res.node;
        const kind = n.kind === 'symlink' ? `symlink ${n.target}` : n.kind;
        const body = n.kind === 'file' && !path.startsWith('/bin/') ? ` ${JSON.stringify(fileText(n))}` : '';
        return `${path} ${kind} ${n.mode.toString(8)}${body}`;
      })
      .sort();
    const treeProblems = [
      ...real.filter((l) => !sim.includes(l)).map((l) => `only in dockerd: ${l}`),
      ...sim.filter((l) => !real.includes(l)).map((l) => `only in the engine: ${l}`),
    ];
    check('load-merged-tree', treeProblems);

    // Out: commit in the engine, save from the engine, load and run in dockerd.
    let s = createSession({ demo: false });
    s = { ...s, world: loaded.world };
    for (const line of [
      'docker run -d --name c1 conf-img:1 sleep 1000',
      'docker exec c1 sh -c "echo from-the-engine > /TEST"',
      // A copy-up of the real busybox binary: the committed layer must carry its bytes, or real
      // dockerd cannot run `cat` (a busybox applet) from the saved image below.
      'docker exec c1 chmod 755 /bin/busybox',
      'docker commit c1 conf-rt:1',
    ])
      s = runLine(s, line).session;
    const rt = findImage(s.world, 'conf-rt:1');
    const saved = saveImages(s.world, ['conf-rt:1']);
    if (!rt || !saved.ok) throw new Error('the engine could not commit and save conf-rt:1');
    writeFileSync(join(dir, 'rt.tar'), saved.bytes);
    await docker('load', '-i', join(dir, 'rt.tar'));
    const out = await docker('run', '--rm', '--network', 'none', 'conf-rt:1', 'cat', '/TEST');
    const rtId = (await docker('image', 'inspect', '-f', '{{.Id}}', 'conf-rt:1')).trim();
    const rtProblems: string[] = [];
    if (out !== 'from-the-engine\n') rtProblems.push(`docker run cat /TEST printed ${JSON.stringify(out)}`);
    if (rtId !== rt.id) rtProblems.push(`image ID: engine ${rt.id}, dockerd ${rtId}`);
    check('save-roundtrip', rtProblems);
    await runOciExportChecks({
      dir: join(work, 'oci-export'),
      world: loaded.world,
      base: 'conf-img:1',
      check,
    });
    await runOciImportChecks(join(work, 'oci-import'), check);
  } catch (e) {
    check('setup', [(e as Error).message]);
  } finally {
    await exec(DOCKER, ['rm', '-f', 'conf-c'], { env: d.env });
    stopDockerd(d);
  }
  return { passed, failed };
}
