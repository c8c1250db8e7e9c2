import { describe, expect, it } from 'vitest';
import { diskCatalog } from '../cli/disk-catalog.ts';
import { replay } from './replay.ts';
import { parseScenario } from './scenario.ts';

// The replay with the built-in catalog read from public/catalog, as `npm run replay` runs it.

const scenario = (json: unknown) => {
  const p = parseScenario(json);
  if (!p.ok) throw new Error(p.error);
  return p.scenario;
};

describe('replay with the built-in catalog', () => {
  it("runs the blog's nginx: pulled, started, bash's TEST in the upper", () => {
    const out = replay(
      scenario({
        images: [
          {
            ref: 'demo:1',
            layers: [
              { entries: [{ path: '/bin/sh', type: 'file', mode: '0755', content: '#!/bin/busybox\n' }] },
            ],
          },
        ],
        commands: [
          'docker run --name nginx -d nginx',
          'docker exec -it nginx /bin/bash',
          'touch TEST',
          'echo "Hello World" >> TEST',
          'exit',
          'docker diff nginx',
        ],
      }),
      { catalog: diskCatalog() },
    );
    expect(out.transcript[0]!.output).toMatch(
      /^Unable to find image 'nginx:latest' locally\nlatest: Pulling from library\/nginx\n([0-9a-f]{12}: Pull complete\n){7}Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for nginx:latest\n[0-9a-f]{64}\n$/,
    );
    expect(out.transcript.map((t) => t.exitCode)).toEqual([0, 0, 0, 0, 0, 0]);
    const nginx = out.containers.find((c) => c.name === 'nginx')!;
    expect(nginx.image).toBe('nginx');
    expect(nginx.upper.filter((e) => !e.path.slice(1).includes('/')).map((e) => e.path)).toEqual([
      '/TEST',
      '/etc',
      '/root',
      '/run',
      '/var',
    ]);
    expect(nginx.upper.find((e) => e.path === '/TEST')).toEqual({
      path: '/TEST',
      type: 'file',
      mode: '0644',
      content: 'Hello World\n',
    });
    expect(nginx.diff.slice(0, 5)).toEqual([
      'A /TEST',
      'C /etc',
      'C /etc/nginx',
      'C /etc/nginx/conf.d',
      'C /etc/nginx/conf.d/default.conf',
    ]);
    // The scenario's own image is there from the start; the catalog's only once pulled.
    expect(out.images.map((i) => i.ref)).toEqual(['demo:1', 'nginx:latest']);
  });

  it('has only the scenario images when nothing is pulled, and docker pull works', () => {
    const out = replay(
      scenario({ images: [], commands: ['docker images -q', 'docker pull -q busybox:1.36'] }),
      {
        catalog: diskCatalog(),
      },
    );
    expect(out.transcript[0]!.output).toBe('');
    expect(out.transcript[1]!.output).toBe('docker.io/library/busybox:1.36\n');
    expect(out.images.map((i) => i.ref)).toEqual(['busybox:1.36']);
  });
});
