/**
 * Compare two strings in the byte order of their UTF-8 encodings (C collation, strcmp). That is code point
 * order; UTF-16 code units agree with it except that surrogates (code points above U+FFFF) must sort after
 * U+E000..U+FFFF, so those two ranges are swapped before comparing.
 */
export function byteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

const fixup = (u: number): number => (u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);
