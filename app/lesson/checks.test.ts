import { describe, expect, it } from 'vitest';
import { diskCatalog } from '../cli/disk-catalog.ts';
import type { Session } from '../shell/session.ts';
import { createSession, runLine } from '../shell/session.ts';
import type { CheckContext } from './checks.ts';
import { passes } from './checks.ts';
import { fillPlaceholders } from './command.ts';

// Each check kind on a small machine: nginx (from the catalog on disk) and one container.

function machine(...lines: string[]): CheckContext {
  let session: Session = createSession({ catalog: diskCatalog(), pulled: ['nginx'] });
  let output = '';
  let exitCode = 0;
  for (const l of lines) {
    const r = runLine(session, fillPlaceholders(l, session.world));
    session = r.session;
    output = r.output.map((c) => c.text).join('');
    exitCode = r.exitCode;
  }
  return { session, output, exitCode };
}

describe('checks', () => {
  const ctx = machine(
    'docker run -d --name cc nginx',
    'docker exec cc rm /usr/share/nginx/html/index.html',
    'docker exec cc rm -r /usr/share/nginx/html',
    'docker exec cc mkdir /usr/share/nginx/html',
    'docker exec cc sh -c "echo hi > /hello"',
    'docker volume create vv',
    'docker run -d --name ww -v vv:/data nginx',
    'docker exec ww touch /data/x',
    'docker diff cc',
  );

  it('read the output of the last line only, and never before any line', () => {
    expect(
      passes({ kind: 'outputContains', text: ['A /hello', 'D /usr/share/nginx/html/index.html'] }, ctx),
    ).toBe(true);
    expect(passes({ kind: 'outputContains', text: ['A /hello', 'A /nope'] }, ctx)).toBe(false);
    expect(passes({ kind: 'outputLacks', text: ['/data/x'] }, ctx)).toBe(true);
    expect(passes({ kind: 'outputContains', text: ['x'] }, { ...ctx, output: null })).toBe(false);
    expect(passes({ kind: 'outputLacks', text: ['x'] }, { ...ctx, output: null })).toBe(false);
    expect(passes({ kind: 'exitCode', code: 0 }, ctx)).toBe(true);
  });

  it('see containers, images, the shell and its directory', () => {
    expect(passes({ kind: 'containerExists', name: 'cc', state: 'running' }, ctx)).toBe(true);
    expect(passes({ kind: 'containerExists', name: 'cc', state: 'exited' }, ctx)).toBe(false);
    expect(passes({ kind: 'containerGone', name: 'zzz' }, ctx)).toBe(true);
    expect(passes({ kind: 'imageExists', ref: 'nginx' }, ctx)).toBe(true);
    expect(passes({ kind: 'imageExists', ref: 'nginx:test' }, ctx)).toBe(false);
    expect(passes({ kind: 'onHost' }, ctx)).toBe(true);
    expect(passes({ kind: 'insideContainer', name: 'cc' }, ctx)).toBe(false);
    const inside = machine('docker run -d --name cc nginx', 'docker exec -it cc bash', 'cd /etc');
    expect(passes({ kind: 'insideContainer', name: 'cc' }, inside)).toBe(true);
    expect(passes({ kind: 'insideContainer', image: 'nginx' }, inside)).toBe(true);
    expect(passes({ kind: 'cwdIs', path: '/etc' }, inside)).toBe(true);
  });

  it('see the upper: files, whiteouts and opaque dirs', () => {
    expect(
      passes({ kind: 'pathInUpper', container: 'cc', path: '/hello', type: 'file', content: 'hi\n' }, ctx),
    ).toBe(true);
    expect(passes({ kind: 'pathInUpper', container: 'cc', path: '/hello', type: 'dir' }, ctx)).toBe(false);
    expect(passes({ kind: 'pathInUpper', container: 'cc', path: '/bin' }, ctx)).toBe(false);
    expect(passes({ kind: 'opaqueAt', container: 'cc', path: '/usr/share/nginx/html' }, ctx)).toBe(true);
    expect(passes({ kind: 'whiteoutAt', container: 'cc', path: '/usr/share/nginx/html' }, ctx)).toBe(false);
    const wh = machine('docker run -d --name cc nginx', 'docker exec cc rm /docker-entrypoint.sh');
    expect(passes({ kind: 'whiteoutAt', container: 'cc', path: '/docker-entrypoint.sh' }, wh)).toBe(true);
    expect(passes({ kind: 'pathInUpper', container: 'cc', path: '/docker-entrypoint.sh' }, wh)).toBe(false);
  });

  it('see the merged view, the diff, volumes and sizes', () => {
    expect(passes({ kind: 'mergedHas', container: 'cc', path: '/etc/passwd' }, ctx)).toBe(true);
    expect(passes({ kind: 'mergedHas', container: 'cc', path: '/hello', content: 'hi\n' }, ctx)).toBe(true);
    expect(
      passes({ kind: 'mergedLacks', container: 'cc', path: '/usr/share/nginx/html/50x.html' }, ctx),
    ).toBe(true);
    expect(
      passes({ kind: 'diffIncludes', container: 'cc', lines: ['A /hello', 'C /usr/share/nginx/html'] }, ctx),
    ).toBe(true);
    expect(passes({ kind: 'diffEquals', container: 'cc', lines: ['A /hello'] }, ctx)).toBe(false);
    expect(passes({ kind: 'volumeHas', volume: 'vv', path: '/x', content: '' }, ctx)).toBe(true);
    expect(passes({ kind: 'volumeHas', volume: 'vv', path: '/y' }, ctx)).toBe(false);
    expect(passes({ kind: 'upperSizeAtLeast', container: 'cc', bytes: 1 }, ctx)).toBe(true);
    expect(passes({ kind: 'upperSizeAtLeast', container: 'cc', bytes: 1_000_000 }, ctx)).toBe(false);
    expect(passes({ kind: 'imageNotSmaller', ref: 'nginx', than: 'nginx' }, ctx)).toBe(true);
    expect(passes({ kind: 'imageNotSmaller', ref: 'demo', than: 'nginx' }, ctx)).toBe(false);
  });

  it('fill placeholders from the machine, and leave one naming no container as written', () => {
    const c = [...ctx.session.world.containers.values()][0]!;
    const filled = fillPlaceholders('{id:cc} {mount:cc} {initLink:cc} {id:nope}', ctx.session.world);
    expect(filled).toBe(`${c.id.slice(0, 12)} ${c.mountId} ${c.initLink} {id:nope}`);
    expect(
      passes(
        { kind: 'all', checks: [{ kind: 'onHost' }, { kind: 'containerGone', name: '{id:nope}' }] },
        ctx,
      ),
    ).toBe(true);
    expect(
      passes({ kind: 'all', checks: [{ kind: 'onHost' }, { kind: 'containerGone', name: 'cc' }] }, ctx),
    ).toBe(false);
  });
});
