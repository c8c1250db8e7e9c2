import { describe, expect, it } from 'vitest';
import { baseName, humanBytes, percentOf } from './format.ts';

describe('import formatting', () => {
  it('prints sizes as docker does (1 kB = 1000 bytes)', () => {
    expect(humanBytes(999)).toBe('999 B');
    expect(humanBytes(1031534)).toBe('1.0 MB');
    expect(humanBytes(52_000_000)).toBe('52 MB');
  });
  it('names a download after the host file', () => {
    expect(baseName('/root/out.tar')).toBe('out.tar');
    expect(baseName('/root/')).toBe('image.tar');
  });
  it('counts bytes until the layers are known, then layers', () => {
    expect(percentOf({ bytesDone: 50, bytesTotal: 200, layersDone: 0, layersTotal: 0 })).toBe(25);
    expect(percentOf({ bytesDone: 200, bytesTotal: 200, layersDone: 1, layersTotal: 4 })).toBe(25);
    expect(percentOf({ bytesDone: 10, bytesTotal: 0, layersDone: 0, layersTotal: 0 })).toBe(0);
  });
});
