import { describe, expect, it } from 'vitest';
import type { OutputChunk } from '../../shell/session-api.ts';
import type { TranscriptEntry } from '../../store/transcript.ts';
import { firstLines } from './last-command.ts';

const entry = (output: OutputChunk[]): TranscriptEntry => ({
  id: 1,
  prompt: '$',
  where: 'host',
  command: 'docker ps',
  commandOmitted: 0,
  output,
  outputOmitted: 0,
  exitCode: 0,
});

describe('the last command’s first lines', () => {
  it('are none for a command that printed nothing', () => {
    expect(firstLines(entry([]), 3)).toEqual({ lines: [], more: 0 });
  });

  it('drop the final line break and count the lines not shown', () => {
    const e = entry([{ stream: 'stdout', text: 'a\nb\nc\nd\ne\n' }]);
    expect(firstLines(e, 3)).toEqual({ lines: ['a', 'b', 'c'], more: 2 });
  });

  it('run stdout and stderr together in the order they came', () => {
    const e = entry([
      { stream: 'stderr', text: 'Unable to find image\n' },
      { stream: 'stdout', text: '8f3d5774d76c\n' },
    ]);
    expect(firstLines(e, 3)).toEqual({ lines: ['Unable to find image', '8f3d5774d76c'], more: 0 });
  });
});
