// File modes as chmod and mkdir -m read them: gnulib's modechange.c (mode_compile, mode_adjust), so
// that `u+x`, `go-w`, `a=r`, `+X`, `u=rwx,g=rx,o=` and octal modes give exactly GNU's results.

/** The shell's umask. The Fs applies the same one to new files (0o022, the usual default). */
export const UMASK = 0o022;

const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const S_IRWXU = 0o700;
const S_IRWXG = 0o070;
const S_IRWXO = 0o007;
const ALLM = 0o7777;
const READ = 0o444;
const WRITE = 0o222;
const EXEC = 0o111;

type Flag = 'ordinary' | 'copy' | 'x-if-any-x';

export interface ModeChange {
  readonly op: '=' | '+' | '-';
  readonly flag: Flag;
  readonly affected: number;
  readonly value: number;
  readonly mentioned: number;
}

/** mode_compile: null for an invalid mode (the caller prints "invalid mode"). */
export function compileMode(mode: string): ModeChange[] | null {
  if (/^[0-7]/.test(mode)) {
    if (!/^[0-7]+$/.test(mode)) return null;
    const n = parseInt(mode, 8);
    if (n > ALLM) return null;
    const mentioned = mode.length < 5 ? (n & (S_ISUID | S_ISGID)) | S_ISVTX | 0o777 : ALLM;
    return [{ op: '=', flag: 'ordinary', affected: ALLM, value: n, mentioned }];
  }
  const out: ModeChange[] = [];
  let i = 0;
  const at = (): string => mode[i] ?? '';
  for (;;) {
    let affected = 0;
    for (; ; i++) {
      const c = at();
      if (c === 'u') affected |= S_ISUID | S_IRWXU;
      else if (c === 'g') affected |= S_ISGID | S_IRWXG;
      else if (c === 'o') affected |= S_ISVTX | S_IRWXO;
      else if (c === 'a') affected |= ALLM;
      else if (c === '=' || c === '+' || c === '-') break;
      else return null;
    }
    do {
      const op = at() as ModeChange['op'];
      i++;
      let value = 0;
      let mentioned = 0;
      let flag: Flag = 'copy';
      let aff = affected;
      const c = at();
      if (/[0-7]/.test(c)) {
        let n = 0;
        while (/[0-7]/.test(at())) {
          n = n * 8 + Number(at());
          i++;
          if (n > ALLM) return null;
        }
        if (affected || (at() !== '' && at() !== ',')) return null;
        aff = mentioned = ALLM;
        value = n;
        flag = 'ordinary';
      } else if (c === 'u' || c === 'g' || c === 'o') {
        value = c === 'u' ? S_IRWXU : c === 'g' ? S_IRWXG : S_IRWXO;
        i++;
      } else {
        flag = 'ordinary';
        for (; ; i++) {
          const p = at();
          if (p === 'r') value |= READ;
          else if (p === 'w') value |= WRITE;
          else if (p === 'x') value |= EXEC;
          else if (p === 'X') flag = 'x-if-any-x';
          else if (p === 's') value |= S_ISUID | S_ISGID;
          else if (p === 't') value |= S_ISVTX;
          else break;
        }
      }
      out.push({
        op,
        flag,
        affected: aff,
        value,
        mentioned: mentioned || (aff ? aff & value : value),
      });
    } while (at() === '=' || at() === '+' || at() === '-');
    if (at() !== ',') break;
    i++;
  }
  return i === mode.length ? out : null;
}

/** mode_adjust: the new permission bits, and (when asked) which bits the changes touched. */
export function adjustMode(
  old: number,
  isDir: boolean,
  umask: number,
  changes: readonly ModeChange[],
): { mode: number; bits: number } {
  let mode = old & ALLM;
  let bits = 0;
  for (const ch of changes) {
    const omit = (isDir ? S_ISUID | S_ISGID : 0) & ~ch.mentioned;
    let value = ch.value;
    if (ch.flag === 'copy') {
      value &= mode;
      value |= (value & READ ? READ : 0) | (value & WRITE ? WRITE : 0) | (value & EXEC ? EXEC : 0);
    } else if (ch.flag === 'x-if-any-x' && (mode & EXEC || isDir)) {
      value |= EXEC;
    }
    value &= (ch.affected ? ch.affected : ~umask) & ~omit;
    if (ch.op === '=') {
      const preserved = (ch.affected ? ~ch.affected : 0) | omit;
      bits |= ALLM & ~preserved;
      mode = (mode & preserved) | value;
    } else if (ch.op === '+') {
      bits |= value;
      mode |= value;
    } else {
      bits |= value;
      mode &= ~value;
    }
  }
  return { mode: mode & ALLM, bits };
}

/** strmode's permission part, as in "rwxr-xr-x" (with s/S/t/T for the special bits). */
export function permString(mode: number): string {
  const triple = (r: number, w: number, x: number, special: number, on: string, off: string): string =>
    (mode & r ? 'r' : '-') +
    (mode & w ? 'w' : '-') +
    (mode & special ? (mode & x ? on : off) : mode & x ? 'x' : '-');
  return (
    triple(0o400, 0o200, 0o100, S_ISUID, 's', 'S') +
    triple(0o040, 0o020, 0o010, S_ISGID, 's', 'S') +
    triple(0o004, 0o002, 0o001, S_ISVTX, 't', 'T')
  );
}
