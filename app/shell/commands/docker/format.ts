// Output formats of the docker CLI: Go's tabwriter tables and go-units' human durations.

/** text/tabwriter as the docker CLI configures it (minwidth 10, padding 3); the last column unpadded. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((cell, i) => {
      if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? 0, Math.max(10, [...cell].length + 3));
    });
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          i < r.length - 1 ? cell.padEnd(widths[i]! - ([...cell].length - cell.length)) : cell,
        )
        .join(''),
    )
    .map((line) => line.replace(/\s+$/, '') + '\n')
    .join('');
}

/** github.com/docker/go-units HumanDuration. */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.floor(s / 3600 + 0.5);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(s / 3600 / 24 / 365)} years`;
}

/** The CLI's Ellipsis: at most n characters, the last one '…'. */
export const ellipsis = (s: string, n: number): string =>
  [...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s;

/** Go's strconv.Quote for the ASCII text the CLI quotes (COMMAND column). */
export const goQuote = (s: string): string => JSON.stringify(s);
