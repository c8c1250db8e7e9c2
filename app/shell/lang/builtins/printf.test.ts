import { describe, expect, it } from 'vitest';
import { run, session } from '../test-shell.ts';

const out = (args: string, shell: 'bash' | 'sh' = 'bash') => run(`printf ${args}`, { shell });

describe('printf', () => {
  it('formats %s %d %i %c %x %o %% and escapes in the format', () => {
    expect(out(`'%s|%d|%i|%c|%x|%X|%o|%%\\t\\n' str 42 -7 word 255 255 8`).stdout).toBe(
      'str|42|-7|w|ff|FF|10|%\t\n',
    );
  });

  it('reuses the format while arguments remain, filling missing ones with "" or 0', () => {
    expect(out(`'%s-%d\\n' a 1 b 2 c`).stdout).toBe('a-1\nb-2\nc-0\n');
  });

  it('prints a format without conversions once, whatever the arguments', () => {
    expect(out(`'x\\n' a b c`).stdout).toBe('x\n');
  });

  it('honours flags, width and precision', () => {
    expect(out(`'%5s|%-5s|%.2s|%05d|%+d|% d|%#x|%#o|%.3d|%*d' ab cd xyz 42 5 5 255 8 5 4 7`).stdout).toBe(
      '   ab|cd   |xy|00042|+5| 5|0xff|010|005|   7',
    );
  });

  it('formats floating point like C', () => {
    expect(out(`'%.2f %e %g %g %g' 3.14159 1234.5 0.0001 123456789 100`).stdout).toBe(
      '3.14 1.234500e+03 0.0001 1.23457e+08 100',
    );
  });

  it('reads hex, octal and character-code numbers, and wraps negatives for %u and %x', () => {
    expect(out(`'%d %d %d %u %x' 0x1f 010 "'A" -1 -1`).stdout).toBe(
      '31 8 65 18446744073709551615 ffffffffffffffff',
    );
  });

  it('decodes %b arguments and stops all output at \\c there', () => {
    expect(out(`'[%b]' 'a\\tb' 'c\\cd' e`).stdout).toBe('[a\tb][c');
  });

  it('reads \\nnn octal in the format', () => {
    expect(out(`'\\101\\0101'`).stdout).toBe('A\b1');
  });

  it('reports a bad number, prints what it could read and fails', () => {
    expect(out(`'%d\\n' 12abc`)).toMatchObject({
      stdout: '12\n',
      stderr: 'bash: printf: 12abc: invalid number\n',
      exitCode: 1,
    });
    expect(out(`'%d\\n' abc`, 'sh').stderr).toBe('sh: 1: printf: abc: expected numeric value\n');
  });

  it('prints usage without a format', () => {
    expect(out('')).toMatchObject({
      stderr: 'printf: usage: printf [-v var] format [arguments]\n',
      exitCode: 2,
    });
    expect(out('', 'sh')).toMatchObject({
      stderr: 'sh: 1: printf: usage: printf format [arg ...]\n',
      exitCode: 2,
    });
  });

  it('rejects an unknown conversion', () => {
    expect(out(`'a%yb'`)).toMatchObject({
      stdout: 'a',
      stderr: "bash: printf: `y': invalid format character\n",
      exitCode: 1,
    });
  });

  it('stores the result with -v in bash', () => {
    const s = session();
    s.run(`printf -v V '%s-%s' a b`);
    expect(s.run('echo $V').stdout).toBe('a-b\n');
  });

  it('caps a huge field width instead of exhausting memory', () => {
    expect(out(`'%999999999999s' x`).stdout.length).toBeLessThanOrEqual(1_000_000);
  });
});
