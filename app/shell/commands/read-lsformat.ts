import type { Stat } from '../../engine/fs.ts';

// Pieces of GNU ls's output: the vertical column layout, mode strings, dates and sizes.

/** GNU's narrowest column: one character of name and two of separation. */
const MIN_COLUMN_WIDTH = 3;

export interface Cell {
  readonly text: string;
  /** Terminal width of text. */
  readonly width: number;
}

/**
 * GNU ls's `-C` layout (ls.c calculate_columns / print_many_per_line): names fill columns top to
 * bottom; every column is as wide as its longest name plus two spaces, the last one unpadded; the
 * most columns whose line stays narrower than the terminal win. Spaces, not tabs.
 */
export function columnLayout(cells: readonly Cell[], lineWidth: number): string[] {
  const n = cells.length;
  if (n === 0) return [];
  const maxIdx = Math.max(1, Math.floor(lineWidth / MIN_COLUMN_WIDTH));
  const maxCols = Math.min(maxIdx, n);
  // widths[c-1][j]: column j's width when laid out in c columns; lens[c-1]: the line's length.
  const widths: number[][] = [];
  const lens: number[] = [];
  const valid: boolean[] = [];
  for (let c = 1; c <= maxCols; c++) {
    widths.push(new Array<number>(c).fill(MIN_COLUMN_WIDTH));
    lens.push(c * MIN_COLUMN_WIDTH);
    valid.push(true);
  }
  for (let f = 0; f < n; f++) {
    const w = cells[f]!.width;
    for (let i = 0; i < maxCols; i++) {
      if (!valid[i]) continue;
      const rows = Math.floor((n + i) / (i + 1));
      const idx = Math.floor(f / rows);
      const real = w + (idx === i ? 0 : 2);
      const col = widths[i]!;
      if (col[idx]! < real) {
        lens[i]! += real - col[idx]!;
        col[idx] = real;
        valid[i] = lens[i]! < lineWidth;
      }
    }
  }
  let cols = maxCols;
  while (cols > 1 && !valid[cols - 1]) cols--;
  const colWidths = widths[cols - 1]!;
  const rows = Math.floor(n / cols) + (n % cols === 0 ? 0 : 1);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    let col = 0;
    for (let f = r; f < n; f += rows) {
      const cell = cells[f]!;
      line += cell.text;
      if (f + rows < n) line += ' '.repeat(colWidths[col]! - cell.width);
      col++;
    }
    out.push(line);
  }
  return out;
}

/** `drwxr-xr-x`, with s/S and t/T for the setuid, setgid and sticky bits. */
export function modeString(kind: Stat['kind'], mode: number): string {
  const type = kind === 'dir' ? 'd' : kind === 'symlink' ? 'l' : kind === 'chardev' ? 'c' : '-';
  const bit = (mask: number, ch: string): string => (mode & mask ? ch : '-');
  const exec = (x: number, special: number, on: string, off: string): string =>
    mode & special ? (mode & x ? on : off) : mode & x ? 'x' : '-';
  return (
    type +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    exec(0o100, 0o4000, 's', 'S') +
    bit(0o40, 'r') +
    bit(0o20, 'w') +
    exec(0o10, 0o2000, 's', 'S') +
    bit(0o4, 'r') +
    bit(0o2, 'w') +
    exec(0o1, 0o1000, 't', 'T')
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Half a Gregorian year, GNU's limit for showing the time of day rather than the year. */
const SIX_MONTHS = 31556952 / 2;

/** `Jan 22 11:00` within the last six months, else `Nov 14  2023` (UTC, ls's long_time_format). */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime * 1000);
  if (Number.isNaN(d.getTime())) return '?';
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const head = `${MONTHS[d.getUTCMonth()]} ${day}`;
  const recent = now - SIX_MONTHS < mtime && mtime <= now;
  if (recent)
    return `${head} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${head}  ${String(d.getUTCFullYear()).padStart(4, ' ')}`;
}

/** 1 KiB blocks a file occupies (st_blocks / 2): whole 4 KiB blocks for data, one for a directory. */
export function blocks1k(st: Stat): number {
  if (st.kind === 'dir') return 4;
  if (st.kind === 'file') return Math.ceil(st.size / 4096) * 4;
  return 0;
}

/** `ls -h`: powers of 1024, rounded up, one decimal below 10 (`4.0K`, `12K`, `1.1M`). */
export function humanSize(bytes: number): string {
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  if (bytes < 1024) return String(bytes);
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${units[unit]}`;
    value = 10;
  }
  const whole = Math.ceil(value - 1e-9);
  if (whole >= 1024 && unit < units.length - 1) return `1.0${units[unit + 1]}`;
  return `${whole}${units[unit]}`;
}
