import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

// Real SHA-256 digests (SEMANTICS.md H3), synchronous so the engine stays pure and runs anywhere.

export type Digest = `sha256:${string}`;

export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
export const digestOf = (bytes: Uint8Array): Digest => `sha256:${sha256Hex(bytes)}`;
export const digestOfText = (text: string): Digest => digestOf(new TextEncoder().encode(text));

/** ChainID(L0) = diffID(L0); ChainID(L0..n) = sha256(ChainID(L0..n-1) + " " + diffID(Ln)) (E6). */
export function chainIds(diffIds: readonly Digest[]): Digest[] {
  const out: Digest[] = [];
  for (const d of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? d : digestOfText(`${prev} ${d}`));
  }
  return out;
}

/** The empty tar's diffID: a layer with this digest is not added (E5). */
export const EMPTY_LAYER_DIFF_ID: Digest =
  'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';
