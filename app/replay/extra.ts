import { digestOf } from '../engine/digest.ts';
import { containerSizes } from '../engine/docker/sizes.ts';
import type { ImageRecord, World } from '../engine/docker/world.ts';
import { layerTar } from '../engine/tar.ts';
import { byteCompare } from '../engine/tree.ts';
import { historyRows } from '../shell/commands/docker/images.ts';
import type { ReplayOutput } from './replay.ts';

// Extra keys of the replay's output (REPLAY.md allows them as long as they change no meaning): the
// exact numbers and lists that `docker ps -s`, `docker history` and `docker save` show only rounded
// or not at all, so the conformance suite can hold them against dockerd byte for byte.

/** One header of a layer tar, as read back from the bytes the simulator wrote. */
export interface TarEntryOut {
  readonly name: string;
  /** The typeflag: '0' file, '1' hard link, '2' symlink, '5' dir. */
  readonly type: string;
  /** The permission bits of the mode field, 4-digit octal ('0644'). */
  readonly mode: string;
  readonly size: number;
  /** Hard links and symlinks only. */
  readonly linkname?: string;
}

export interface HistoryEntryOut {
  readonly createdBy: string;
  readonly emptyLayer: boolean;
  /** The SIZE `docker history` shows for this entry, in bytes; absent for an empty_layer entry. */
  readonly size?: number;
}

/** An image made by `docker commit`. */
export interface CommittedImageOut {
  readonly id: string;
  /** Its tags, sorted; empty when committed without a ref or untagged since. */
  readonly refs: readonly string[];
  /** The image it was committed from (imagedb metadata, E8). */
  readonly parent: string | null;
  /** The config's history, oldest first (docker history lists it newest first). */
  readonly history: readonly HistoryEntryOut[];
  /** The layer the commit added — its topmost — or null when the commit added none (E5, T20). */
  readonly newLayer: {
    readonly diffId: string;
    /** Σ st_size of the non-dirs, hard links once (E7). */
    readonly size: number;
    /** The layer tar's headers in archive order (E2–E4). */
    readonly tar: readonly TarEntryOut[];
  } | null;
}

export interface ReplayExtras {
  /** Each container's SizeRw in bytes (F1), in `containers` order beside its other fields. */
  readonly containers: readonly (ReplayOutput['containers'][number] & { readonly sizeRw: number })[];
  /** Every image made by `docker commit`, in the order they were made. */
  readonly layers: readonly CommittedImageOut[];
}

/** The output object with the extra keys added; no existing key changes. */
export function withExtras(out: ReplayOutput, world: World): ReplayOutput & ReplayExtras {
  const byId = new Map([...world.containers.values()].map((c) => [c.id as string, c]));
  const containers = out.containers.map((c) => {
    const container = byId.get(c.id);
    return { ...c, sizeRw: container ? containerSizes(world, container).rw : 0 };
  });
  const layers = [...world.images.values()]
    .filter((img) => img.config.container !== undefined)
    .map((img) => committedImage(world, img));
  return { ...out, containers, layers };
}

function committedImage(world: World, img: ImageRecord): CommittedImageOut {
  const refs = [...world.tags.entries()]
    .filter(([, id]) => id === img.id)
    .map(([ref]) => ref)
    .sort(byteCompare);
  const history = historyRows(world, img)
    .reverse()
    .map((row, i): HistoryEntryOut => {
      const emptyLayer = img.config.history[i]?.empty_layer === true;
      return emptyLayer
        ? { createdBy: row.createdBy, emptyLayer }
        : { createdBy: row.createdBy, emptyLayer, size: row.size };
    });
  const last = img.config.history[img.config.history.length - 1];
  const top = img.chain[img.chain.length - 1];
  const record = top === undefined ? undefined : world.layers.get(top);
  let newLayer: CommittedImageOut['newLayer'] = null;
  if (last !== undefined && last.empty_layer !== true && record !== undefined) {
    const bytes = layerTar(record.layer);
    if (digestOf(bytes) !== record.diffId)
      throw new Error(`layer ${record.chainId}: its tar no longer hashes to its diff ID`);
    newLayer = { diffId: record.diffId, size: record.size, tar: readTarHeaders(bytes) };
  }
  return { id: img.id, refs, parent: img.parent, history, newLayer };
}

const BLOCK = 512;
const decoder = new TextDecoder();

/**
 * The headers of a tar, in order: USTAR name and prefix, with PAX `path`/`linkpath` records
 * applied to the entry that follows them — what the simulator's own writer produces.
 */
export function readTarHeaders(bytes: Uint8Array): TarEntryOut[] {
  const out: TarEntryOut[] = [];
  let pax = new Map<string, string>();
  for (let h = 0; h + BLOCK <= bytes.length;) {
    const block = bytes.subarray(h, h + BLOCK);
    if (block.every((b) => b === 0)) break;
    const text = (off: number, len: number): string => {
      const field = block.subarray(off, off + len);
      const nul = field.indexOf(0);
      return decoder.decode(nul < 0 ? field : field.subarray(0, nul));
    };
    const octal = (off: number, len: number): number => parseInt(text(off, len).trim() || '0', 8);
    const size = octal(124, 12);
    const type = text(156, 1) || '0';
    const data = bytes.subarray(h + BLOCK, h + BLOCK + size);
    h += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    const prefix = text(345, 155);
    const name = pax.get('path') ?? (prefix ? `${prefix}/` : '') + text(0, 100);
    const linkname = pax.get('linkpath') ?? text(157, 100);
    const mode = (octal(100, 8) & 0o7777).toString(8).padStart(4, '0');
    out.push(
      type === '1' || type === '2' ? { name, type, mode, size, linkname } : { name, type, mode, size },
    );
    pax = new Map();
  }
  return out;
}

/** PAX records: "LEN key=value\n", LEN counting the bytes of the whole record. */
function paxRecords(body: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (let at = 0; at < body.length;) {
    const space = body.indexOf(0x20, at);
    const len = Number(decoder.decode(body.subarray(at, space)));
    if (space < 0 || !Number.isInteger(len) || at + len <= space) break;
    const record = decoder.decode(body.subarray(space + 1, at + len - 1));
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    at += len;
  }
  return out;
}
