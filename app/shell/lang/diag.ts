import { strerror } from '../../engine/errors.ts';
import type { Errno } from '../../engine/errors.ts';
import type { ShellName, SyntaxProblem } from './ast.ts';

/**
 * The shell's own messages, worded as each shell words them. An interactive bash prefixes `bash: `; dash
 * (Debian's sh) prefixes `sh: N: ` where N counts the lines it has read — people compare these with what
 * they saw in a real container, so the wording follows bash 5.2 and dash 0.5.12 exactly.
 */
export const prefix = (shell: ShellName, line: number): string =>
  shell === 'bash' ? 'bash: ' : `sh: ${line}: `;

export const shellMessage = (shell: ShellName, line: number, text: string): string =>
  `${prefix(shell, line)}${text}\n`;

export function syntaxText(shell: ShellName, p: SyntaxProblem): string {
  if (p.kind === 'unsupported') return `${p.feature}: not supported by this simulator`;
  if (shell === 'bash') {
    switch (p.kind) {
      case 'unexpected':
        return `syntax error near unexpected token \`${p.token}'`;
      case 'eof':
        return 'syntax error: unexpected end of file';
      case 'eof-in-quote':
        return `unexpected EOF while looking for matching \`${p.quote}'`;
    }
  }
  switch (p.kind) {
    case 'unexpected':
      return p.token === 'newline'
        ? 'Syntax error: newline unexpected'
        : `Syntax error: "${p.token}" unexpected`;
    case 'eof':
      return 'Syntax error: end of file unexpected';
    case 'eof-in-quote':
      return p.quote === '}' ? "Syntax error: Missing '}'" : 'Syntax error: Unterminated quoted string';
  }
}

export const notFoundText = (shell: ShellName, name: string): string =>
  shell === 'bash' ? `${name}: command not found` : `${name}: not found`;

/** A redirection target that could not be opened; dash words ENOENT/ENOTDIR by what it was doing. */
export function redirectText(shell: ShellName, target: string, errno: Errno, forWriting: boolean): string {
  if (shell === 'bash') return `${target}: ${strerror[errno]}`;
  const missing = errno === 'ENOENT' || errno === 'ENOTDIR';
  if (forWriting) return `cannot create ${target}: ${missing ? 'Directory nonexistent' : strerror[errno]}`;
  return `cannot open ${target}: ${missing ? 'No such file' : strerror[errno]}`;
}

export const badSubstitutionText = (shell: ShellName, raw: string): string =>
  shell === 'bash' ? `${raw}: bad substitution` : 'Bad substitution';

export const badFdText = (shell: ShellName, fd: string): string =>
  shell === 'bash' ? `${fd}: Bad file descriptor` : 'Syntax error: Bad fd number';

/** Exit status after the shell itself gave up on a line (syntax or expansion error). */
export const errorStatus = (shell: ShellName): number => (shell === 'bash' ? 1 : 2);
