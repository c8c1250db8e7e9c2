import { describe, expect, it } from 'vitest';
import type { AbsPath } from '../engine/ids.ts';
import type { PlayerAction, PlayerState } from './player.ts';
import { currentStep, initialPlayer, LOG_LIMIT, player } from './player.ts';
import type { Step } from './step.ts';
import { DemoContainer } from './testing/demo-container.ts';

/** A command's steps, narrated `<name>1`, `<name>2` … */
const command = (name: string, n: number): Step[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'write',
    text: `${name}${i + 1}`,
    highlights: [],
    focusDir: '/' as AbsPath,
  }));

const run = (s: PlayerState, ...actions: PlayerAction[]): PlayerState => actions.reduce(player, s);
const shown = (s: PlayerState): string | undefined => currentStep(s)?.text;
const tick: PlayerAction = { type: 'tick' };

describe('loading a command', () => {
  it('starts playing its first step', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 3) });
    expect(shown(s)).toBe('a1');
    expect(s).toMatchObject({ index: 0, done: false, playing: true, log: [] });
  });

  it('with no steps shows nothing and plays nothing', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 2) }, tick, tick, {
      type: 'load',
      steps: [],
    });
    expect(shown(s)).toBeUndefined();
    expect(s).toMatchObject({ done: true, playing: false, log: ['a1', 'a2'] });
  });

  it('while another plays, finishes that one at once and keeps its narration in the log', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 3) }, tick, {
      type: 'load',
      steps: command('b', 2),
    });
    expect(s.log).toEqual(['a1', 'a2', 'a3']);
    expect(shown(s)).toBe('b1');
    expect(s.playing).toBe(true);
  });

  it('while another is paused halfway, finishes it too: the screen is never behind the engine', () => {
    const s = run(
      initialPlayer(),
      { type: 'load', steps: command('a', 3) },
      { type: 'pause' },
      { type: 'load', steps: command('b', 1) },
    );
    expect(s.log).toEqual(['a1', 'a2', 'a3']);
    expect(shown(s)).toBe('b1');
  });

  it('flushes queued commands as well, in order', () => {
    const s = run(
      initialPlayer(),
      { type: 'load', steps: command('a', 2) },
      { type: 'enqueue', steps: command('b', 2) },
      { type: 'load', steps: command('c', 1) },
    );
    expect(s.log).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(s.queue).toEqual([]);
    expect(shown(s)).toBe('c1');
  });
});

describe('tick', () => {
  it('advances one step while playing and logs the step it leaves', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 3) }, tick);
    expect(shown(s)).toBe('a2');
    expect(s.log).toEqual(['a1']);
  });

  it('after the last step ends the command and stops, the last step still on screen', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 2) }, tick, tick);
    expect(s).toMatchObject({ done: true, playing: false, index: 1, log: ['a1', 'a2'] });
    expect(shown(s)).toBe('a2');
    expect(run(s, tick)).toBe(s);
  });

  it('does nothing while paused', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 3) }, { type: 'pause' });
    expect(run(s, tick)).toBe(s);
  });

  it('ignores a late tick for a step no longer on screen', () => {
    const a = command('a', 2);
    const b = command('b', 2);
    const s = run(
      initialPlayer(),
      { type: 'load', steps: a },
      { type: 'load', steps: b },
      { type: 'tick', step: a[0]! },
    );
    expect(shown(s)).toBe('b1');
    expect(shown(run(s, { type: 'tick', step: b[0]! }))).toBe('b2');
  });

  it('goes on to a queued command when the current one ends', () => {
    const s = run(
      initialPlayer(),
      { type: 'load', steps: command('a', 1) },
      { type: 'enqueue', steps: command('b', 2) },
      tick,
    );
    expect(shown(s)).toBe('b1');
    expect(s).toMatchObject({ playing: true, done: false, queue: [], log: ['a1'] });
  });
});

describe('enqueue', () => {
  it('starts at once when nothing is playing', () => {
    const s = run(initialPlayer(), { type: 'enqueue', steps: command('a', 2) });
    expect(shown(s)).toBe('a1');
    expect(s.playing).toBe(true);
  });

  it('skips a command with no steps', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 1) }, { type: 'enqueue', steps: [] });
    expect(s.queue).toEqual([]);
  });
});

describe('play and pause', () => {
  it('pause stops where it is; play goes on from there', () => {
    const paused = run(initialPlayer(), { type: 'load', steps: command('a', 3) }, tick, { type: 'pause' });
    expect(paused).toMatchObject({ playing: false, index: 1 });
    const resumed = run(paused, { type: 'play' }, tick);
    expect(shown(resumed)).toBe('a3');
  });

  it('play at the end plays the command again from its first step', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 2) }, tick, tick, { type: 'play' });
    expect(s).toMatchObject({ index: 0, done: false, playing: true });
  });

  it('play with nothing loaded does nothing', () => {
    const s = initialPlayer();
    expect(run(s, { type: 'play' })).toBe(s);
  });
});

describe('stepping', () => {
  it('step forward pauses and passes one step', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 3) }, { type: 'stepForward' });
    expect(s).toMatchObject({ index: 1, playing: false, log: ['a1'] });
  });

  it('step forward past the last step ends the command', () => {
    const s = run(
      initialPlayer(),
      { type: 'load', steps: command('a', 2) },
      { type: 'stepForward' },
      { type: 'stepForward' },
    );
    expect(s).toMatchObject({ index: 1, done: true, log: ['a1', 'a2'] });
    expect(run(s, { type: 'stepForward' })).toEqual(s);
  });

  it('step back shows the previous step again, without touching the log', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 3) }, tick, tick, {
      type: 'stepBack',
    });
    expect(shown(s)).toBe('a2');
    expect(s).toMatchObject({ playing: false, done: false, log: ['a1', 'a2'] });
  });

  it('step back from the end shows the step before the last', () => {
    const s = run(
      initialPlayer(),
      { type: 'load', steps: command('a', 3) },
      { type: 'finish' },
      { type: 'stepBack' },
    );
    expect(shown(s)).toBe('a2');
    expect(s.done).toBe(false);
  });

  it('step back at the first step stays there', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 3) }, { type: 'stepBack' });
    expect(s).toMatchObject({ index: 0, playing: false });
  });

  it('steps into a queued command after the last step', () => {
    const s = run(
      initialPlayer(),
      { type: 'load', steps: command('a', 1) },
      { type: 'enqueue', steps: command('b', 1) },
      { type: 'stepForward' },
    );
    expect(shown(s)).toBe('b1');
    expect(s.playing).toBe(false);
  });
});

describe('finish', () => {
  it('jumps to the end, logs every narration not yet passed and stops', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', 3) }, tick, { type: 'finish' });
    expect(s).toMatchObject({ index: 2, done: true, playing: false, log: ['a1', 'a2', 'a3'] });
  });

  it('twice changes nothing more', () => {
    const once = run(initialPlayer(), { type: 'load', steps: command('a', 2) }, { type: 'finish' });
    expect(run(once, { type: 'finish' })).toEqual(once);
  });
});

describe('speed', () => {
  it('is set by setSpeed and kept across commands', () => {
    const s = run(initialPlayer(), { type: 'setSpeed', speed: 2 }, { type: 'load', steps: command('a', 1) });
    expect(s.speed).toBe(2);
  });

  it('is 0 for reduced motion, with the same steps and narration', () => {
    const steps = command('a', 2);
    const s = run(initialPlayer(0), { type: 'load', steps }, tick, tick);
    expect(s.speed).toBe(0);
    expect(s.log).toEqual(['a1', 'a2']);
  });
});

describe('the log', () => {
  it('keeps only the latest narrations', () => {
    const s = run(initialPlayer(), { type: 'load', steps: command('a', LOG_LIMIT + 5) }, { type: 'finish' });
    expect(s.log).toHaveLength(LOG_LIMIT);
    expect(s.log[0]).toBe('a6');
    expect(s.log.at(-1)).toBe(`a${LOG_LIMIT + 5}`);
  });
});

describe('a real command', () => {
  it('plays the copy-up of an append step by step and logs each sentence once', () => {
    const c = new DemoContainer();
    const { steps } = c.run('echo hi >> /etc/app/app.conf');
    let s = run(initialPlayer(), { type: 'load', steps });
    const seen: string[] = [];
    while (!s.done) {
      seen.push(currentStep(s)!.kind);
      s = player(s, tick);
    }
    expect(seen).toEqual(['copy-up-parents', 'copy-up-prepare', 'copy-up-move', 'write']);
    expect(s.log).toEqual(steps.map((x) => x.text));
  });
});
