import type { Errno, Result } from '../../engine/errors.ts';
import { fail, ok } from '../../engine/errors.ts';
import type { CommandContext } from '../types.ts';
import { absPath } from './common.ts';

/**
 * Reading the inputs of a filter (cat, head, grep …): a file operand, or standard input for `-` and
 * for no operand at all. Standard input is a stream: a second `-` finds it already consumed.
 */
export class Inputs {
  private stdinLeft = true;

  constructor(private readonly ctx: CommandContext) {}

  /** The whole text of an operand; a read-only open, so a lower file is never copied up. */
  read(operand: string): Result<string> {
    if (operand === '-') return ok(this.stdin());
    try {
      return this.ctx.fs.readFile(absPath(this.ctx, operand));
    } catch {
      return fail('EINVAL');
    }
  }

  stdin(): string {
    if (!this.stdinLeft) return '';
    this.stdinLeft = false;
    return this.ctx.stdin;
  }
}

/** Errors a read-only open can meet: the others come from read(2) on what was opened. */
export const isOpenError = (e: Errno): boolean => e !== 'EISDIR' && e !== 'EINVAL';

/** Lines of a text, without their newlines; `partial` says the last line had none. */
export function splitLines(text: string): { lines: string[]; partial: boolean } {
  if (text === '') return { lines: [], partial: false };
  const lines = text.split('\n');
  const partial = lines[lines.length - 1] !== '';
  if (!partial) lines.pop();
  return { lines, partial };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Length in bytes as UTF-8 (what wc -c, head -c and stat count). */
export function byteLen(s: string): number {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? s.length : encoder.encode(s).length;
}

/** Bytes [start, end) of a text as UTF-8; a cut inside a character leaves U+FFFD, as a terminal shows. */
export function byteSlice(s: string, start: number, end?: number): string {
  if (byteLen(s) === s.length) return s.slice(start, end);
  return decoder.decode(encoder.encode(s).subarray(start, end));
}
