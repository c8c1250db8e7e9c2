/** Small wordings both narrators (narrate.ts, narrate-ko.ts) use, so they cannot drift apart. */

/** The 12 hex digits a digest is shown by. */
export const short = (digest: string): string => digest.replace(/^sha256:/, '').slice(0, 12);

/** "a", "a and b", "a, b and c" with the language's own conjunction. */
export const list = (items: readonly string[], and: string): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]!}`;

/** A mode as chmod takes it: 0644. */
export const octal = (mode: number): string => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;

/** 1000 bytes and up in decimal units with three significant digits (4.61 kB), as Docker sizes them. */
export function decimalSize(n: number): string {
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${parseFloat(v.toPrecision(3))} ${units[i]!}`;
}
