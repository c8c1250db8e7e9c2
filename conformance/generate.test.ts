import { describe, expect, it } from 'vitest';
import { caseScenarios } from './cases.ts';
import { generateScenario, generateScenarios } from './generate.ts';
import { completeLayer } from './layer.ts';
import { dirname, isUnder } from './paths.ts';
import { parseLine, renderHost, renderSim } from './render.ts';
import { deriveSeed } from './rng.ts';
import { replayScenario } from './sim.ts';
import type { Line } from './types.ts';

const MERGED = '/var/lib/docker/overlay2/abc/merged';

describe('the scenario generator', () => {
  it('gives the same scenarios for the same seed', () => {
    expect(JSON.stringify(generateScenarios(7, 30))).toBe(JSON.stringify(generateScenarios(7, 30)));
  });

  it('gives different scenarios for different seeds, and regenerates one scenario alone', () => {
    expect(JSON.stringify(generateScenarios(1, 10))).not.toBe(JSON.stringify(generateScenarios(2, 10)));
    expect(generateScenario(3, 17)).toEqual(generateScenarios(3, 18)[17]);
    expect(generateScenario(3, 17).name).toBe('r3-017');
  });

  it('derives a distinct generator seed for every (seed, index)', () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 50; seed++)
      for (let index = 0; index < 500; index++) seeds.add(deriveSeed(seed, index));
    expect(seeds.size).toBe(50 * 500);
  });

  const scenarios = generateScenarios(1, 200);

  it('puts the shared /bin layer at the bottom and 1–4 layers above it', () => {
    for (const { image } of scenarios) {
      expect(image.layers[0]?.entries.map((e) => e.path)).toEqual([
        '/bin',
        '/bin/busybox',
        '/bin/sh',
        '/bin/sleep',
      ]);
      expect(image.layers.length).toBeGreaterThanOrEqual(2);
      expect(image.layers.length).toBeLessThanOrEqual(5);
    }
  });

  it('writes layers Docker could have produced: no duplicate paths, no whiteout inside an opaque dir of its layer', () => {
    for (const { image } of scenarios) {
      for (const layer of image.layers) {
        const entries = completeLayer(layer);
        const opaque = entries.filter((e) => e.opaque === true).map((e) => e.path);
        const whiteouts = entries.filter((e) => e.type === 'whiteout').map((e) => e.path);
        expect(whiteouts.filter((w) => opaque.some((o) => isUnder(w, o)))).toEqual([]);
      }
    }
  });

  it('keeps relative symlinks from climbing above the root', () => {
    const targets = scenarios.flatMap(({ image, lines }): [string, string][] => [
      ...image.layers.flatMap((l) =>
        l.entries.filter((e) => e.type === 'symlink').map((e): [string, string] => [e.path, e.target ?? '']),
      ),
      ...lines
        .filter((l) => l[0] === 'ln' && l[1] === '-s')
        .map((l): [string, string] => [pathOf(l[3]) ?? '/', String(l[2])]),
    ]);
    expect(targets.length).toBeGreaterThan(50);
    for (const [link, target] of targets) {
      expect(target.startsWith('/')).toBe(false);
      expect(target.split('/').filter((part) => part === '..').length).toBeLessThanOrEqual(1);
      expect(dirname(link)).not.toBe('/');
    }
  });

  it('uses every kind of operation the brief lists', () => {
    const typed = new Set(
      scenarios.flatMap((s) => s.lines.map((line) => renderSim(line).split(' ').slice(0, 2).join(' '))),
    );
    const starts = [...typed].join('\n');
    for (const op of [
      'echo',
      ': >>',
      'touch',
      'chmod',
      'rm /',
      'rm -r',
      'rm -rf',
      'mkdir /',
      'mkdir -p',
      'rmdir',
      'mv',
      'cp /',
      'cp -r',
      'cp -p',
      'ln -s',
      'ln /',
      'truncate -s',
      'sed -i',
    ]) {
      expect(starts).toContain(op);
    }
  });

  it('writes replay files that open a shell, type the lines, leave, ask for the diff and sizes, and commit', () => {
    const scenario = caseScenarios().find((s) => s.name === 'T07');
    expect(scenario).toBeDefined();
    if (scenario === undefined) return;
    expect(replayScenario(scenario)).toMatchObject({
      commands: [
        'docker run -d --name c1 conf-base:2',
        'docker exec -it c1 sh',
        'rm -r /data/sub && mkdir /data/sub && echo n > /data/sub/new',
        'exit',
        'docker diff c1',
        'docker ps -a -s --no-trunc',
        'docker commit c1 conf/t07:2',
        'docker history --no-trunc conf/t07:2',
      ],
    });
  });
});

describe('rendering a command line', () => {
  it('types absolute container paths for the simulator and rebases them onto MergedDir for the host', () => {
    const line: Line = ['echo', 'hi', '>>', { path: '/data/a.txt' }];
    expect(renderSim(line)).toBe('echo hi >> /data/a.txt');
    expect(renderHost(line, MERGED)).toBe(`echo hi >> ${MERGED}/data/a.txt`);
  });

  it('sends paths at or below a volume target to the volume instead', () => {
    const mounts = [
      { target: '/data', source: '/vol/myvol/_data' },
      { target: '/data/deep', source: '/vol/other/_data' },
    ];
    const line = parseLine('cp /data/a /data/deep/b /database/c /etc/x');
    expect(renderHost(line, MERGED, mounts)).toBe(
      `cp /vol/myvol/_data/a /vol/other/_data/b ${MERGED}/database/c ${MERGED}/etc/x`,
    );
  });

  it('never rebases a symlink target', () => {
    const line = parseLine('ln -s /etc/config /opt/app/link');
    expect(renderHost(line, MERGED)).toBe(`ln -s /etc/config ${MERGED}/opt/app/link`);
  });

  it('keeps ; against the word before it and rebases /', () => {
    const line = parseLine('cat /data/a.txt; ls -R /');
    expect(renderSim(line)).toBe('cat /data/a.txt; ls -R /');
    expect(renderHost(line, MERGED)).toBe(`cat ${MERGED}/data/a.txt; ls -R ${MERGED}/`);
  });

  it('refuses paths the shell would expand or that climb with ..', () => {
    expect(() => renderSim([{ path: '/data/../etc' }])).toThrow();
    expect(() => renderSim([{ path: '/data/*' }])).toThrow();
  });

  it('renders every generated line both ways', () => {
    for (const { lines } of generateScenarios(5, 100)) {
      for (const line of lines) {
        const host = renderHost(line, MERGED);
        expect(host.replaceAll(MERGED, '')).toBe(renderSim(line));
      }
    }
  });
});

function pathOf(token: Line[number] | undefined): string | undefined {
  return typeof token === 'object' ? token.path : undefined;
}
