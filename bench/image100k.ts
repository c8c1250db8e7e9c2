import type { LayerEntrySpec } from '../app/engine/layer.ts';

/**
 * A synthetic image shaped like a big real one: 100 layers of 1 000 files each. Every layer adds a
 * package tree of its own (/usr/share/pN/…) and files to shared dirs (/usr/bin, /etc), overwrites a
 * few files of the layer below and deletes a couple, so lookups really have to fall through.
 */
export function image100k(layers = 100, perLayer = 1000): LayerEntrySpec[][] {
  const out: LayerEntrySpec[][] = [];
  for (let l = 0; l < layers; l++) {
    const entries: LayerEntrySpec[] = [];
    const own = perLayer - 100;
    for (let j = 0; j < own; j++)
      entries.push({ path: `/usr/share/p${l}/d${j % 10}/f${j}`, type: 'file', content: `${l}:${j}\n` });
    for (let j = 0; j < 90; j++)
      entries.push({ path: `/usr/bin/t${l}_${j}`, type: 'file', content: '#!\n', mode: '0755' });
    for (let j = 0; j < 8; j++)
      entries.push({ path: `/etc/conf${j}`, type: 'file', content: `layer ${l}\n` });
    if (l > 0) {
      entries.push({ path: `/usr/bin/t${l - 1}_0`, type: 'whiteout' });
      entries.push({ path: `/usr/share/p${l - 1}/d9`, type: 'whiteout' });
    } else {
      entries.push(
        { path: '/usr/bin/base1', type: 'file', content: 'x' },
        { path: '/usr/bin/base2', type: 'file', content: 'y' },
      );
    }
    out.push(entries);
  }
  return out;
}
