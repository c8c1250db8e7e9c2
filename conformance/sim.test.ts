import { describe, expect, it } from 'vitest';
import { caseScenarios } from './cases.ts';
import { parseOutput, replayScenario } from './sim.ts';
import type { SimRun } from './sim.ts';

// Reading the replay's JSON line: the container, the typed lines' exit codes and the daemon's view.

const scenario = caseScenarios().find((s) => s.name === 'T16')!;
const commands = replayScenario(scenario).commands;

const PS = [
  'CONTAINER ID   IMAGE   COMMAND   CREATED   STATUS   PORTS   NAMES   SIZE',
  'e4c6…   conf-base:2   "sleep infinity"   5 seconds ago   Up 5 seconds           c1      2B (virtual 25B)',
  '',
].join('\n');
const HISTORY = [
  'IMAGE   CREATED   CREATED BY   SIZE   COMMENT',
  'sha256:2…',
  'sha256:5…',
  '<missing>',
  '<missing>',
  '',
].join('\n');

function line(outputs: Partial<Record<string, { output: string; exitCode: number }>> = {}): string {
  const transcript = commands.map((command) => outputs[command] ?? { command, output: '', exitCode: 0 });
  const history = [
    { createdBy: 'l1', emptyLayer: false, size: 0 },
    { createdBy: 'l2', emptyLayer: false, size: 18 },
    { createdBy: 'l3', emptyLayer: false, size: 5 },
    { createdBy: 'sleep infinity', emptyLayer: false, size: 2 },
  ];
  const tar = [{ name: 'data/', type: '5', mode: '0755', size: 0 }];
  return JSON.stringify({
    transcript,
    containers: [{ name: 'c1', id: 'x', image: 'conf-base:2', merged: [], upper: [], diff: [], sizeRw: 2 }],
    images: [
      { ref: 'conf-base:2', id: 'a', diffIds: ['1', '2', '3'] },
      { ref: 'conf/t16:2', id: 'b', diffIds: ['1', '2', '3', '4'] },
    ],
    layers: [
      { id: 'b', refs: ['conf/t16:2'], parent: 'a', history, newLayer: { diffId: '4', size: 2, tar } },
    ],
  });
}

describe('parseOutput', () => {
  it('reads SizeRw, the ps SIZE column, history newest first, the layer count and the tar', () => {
    const run = parseOutput(
      line({
        'docker ps -a -s --no-trunc': { output: PS, exitCode: 0 },
        'docker history --no-trunc conf/t16:2': { output: HISTORY, exitCode: 0 },
      }),
      'T16.json',
      scenario,
    ) as SimRun;
    expect(run.exitCodes).toEqual([0]);
    expect(run.daemonProblems).toEqual([]);
    expect(run.daemon).toEqual({
      sizeRw: 2,
      psSize: '2B',
      historySizes: [2, 5, 18, 0],
      emptyLayer: false,
      layersAdded: 1,
      tar: [{ name: 'data/', type: '5', mode: '0755', size: 0 }],
    });
  });

  it('reports a daemon command the simulator refused, and a history that shows other rows than its config', () => {
    const run = parseOutput(
      line({
        'docker ps -a -s --no-trunc': { output: "unknown shorthand flag: 's' in -s\n", exitCode: 125 },
        'docker history --no-trunc conf/t16:2': {
          output: HISTORY.split('\n').slice(0, 3).join('\n'),
          exitCode: 0,
        },
      }),
      'T16.json',
      scenario,
    ) as SimRun;
    expect(run.daemon?.psSize).toBeNull();
    expect(run.daemonProblems).toEqual([
      "sim: `docker ps -a -s --no-trunc` exited 125: unknown shorthand flag: 's' in -s",
      'sim: `docker history --no-trunc conf/t16:2` shows 2 rows, its config has 4 entries',
    ]);
  });
});
