import type { ImageSpec } from '../engine/docker/images.ts';
import type { LayerEntrySpec } from '../engine/layer.ts';

/** A replay scenario (shared/REPLAY.md): images present from the start, then typed lines. */
export interface Scenario {
  readonly images: readonly ImageSpec[];
  readonly commands: readonly string[];
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

const MAX_COMMANDS = 100_000;
const MAX_ENTRIES = 1_000_000;

/**
 * Check untrusted JSON against the scenario format, naming the first thing wrong by its JSON path
 * (`images[0].layers[1].entries[2].mode: …`). Nothing from the file is ever evaluated.
 */
export function parseScenario(json: unknown): ScenarioResult {
  const errors: string[] = [];
  const bad = (path: string, msg: string): void => {
    if (errors.length === 0) errors.push(`${path}: ${msg}`);
  };
  if (!isObject(json))
    return { ok: false, error: 'the file must hold a JSON object with "images" and "commands"' };
  const images: ImageSpec[] = [];
  const rawImages = json['images'] ?? [];
  if (!Array.isArray(rawImages)) bad('images', 'must be an array');
  else
    rawImages.forEach((img: unknown, i) => {
      const spec = parseImage(img, `images[${i}]`, bad);
      if (spec) images.push(spec);
    });
  const commands = json['commands'];
  if (!Array.isArray(commands)) bad('commands', 'must be an array of command lines');
  else if (commands.length > MAX_COMMANDS)
    bad('commands', `too many lines (${commands.length}; at most ${MAX_COMMANDS})`);
  else
    commands.forEach((c: unknown, i) => typeof c !== 'string' && bad(`commands[${i}]`, 'must be a string'));
  let total = 0;
  for (const img of images) for (const l of img.layers) total += l.length;
  if (total > MAX_ENTRIES) bad('images', `too many layer entries (${total}; at most ${MAX_ENTRIES})`);
  const refs = new Set<string>();
  images.forEach((img, i) => {
    if (refs.has(img.ref)) bad(`images[${i}].ref`, `duplicate image reference "${img.ref}"`);
    refs.add(img.ref);
  });
  if (errors.length > 0) return { ok: false, error: errors[0]! };
  return { ok: true, scenario: { images, commands: commands as string[] } };
}

type Bad = (path: string, msg: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const REF_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;

function parseImage(v: unknown, at: string, bad: Bad): ImageSpec | undefined {
  if (!isObject(v)) return (bad(at, 'must be an object with "ref" and "layers"'), undefined);
  const ref = v['ref'];
  if (typeof ref !== 'string' || !REF_RE.test(ref))
    return (bad(`${at}.ref`, 'must be an image reference like "demo:1"'), undefined);
  const layers = v['layers'];
  if (!Array.isArray(layers) || layers.length === 0)
    return (bad(`${at}.layers`, 'must be a non-empty array of layers'), undefined);
  if (layers.length > 125)
    return (bad(`${at}.layers`, 'max depth exceeded (an image holds at most 125 layers)'), undefined);
  const out: LayerEntrySpec[][] = [];
  for (let i = 0; i < layers.length; i++) {
    const l: unknown = layers[i];
    const lat = `${at}.layers[${i}]`;
    if (!isObject(l) || !Array.isArray(l['entries']))
      return (bad(`${lat}.entries`, 'must be an array'), undefined);
    const entries: LayerEntrySpec[] = [];
    const seen = new Set<string>();
    for (let j = 0; j < l['entries'].length; j++) {
      const e = parseEntry(l['entries'][j], `${lat}.entries[${j}]`, bad);
      if (!e) return undefined;
      if (seen.has(e.path))
        return (bad(`${lat}.entries[${j}].path`, `duplicate path ${e.path} in one layer`), undefined);
      seen.add(e.path);
      entries.push(e);
    }
    out.push(entries);
  }
  const cmd = v['cmd'];
  if (cmd !== undefined && (!Array.isArray(cmd) || cmd.some((c) => typeof c !== 'string')))
    return (bad(`${at}.cmd`, 'must be an array of strings'), undefined);
  return { ref, layers: out, ...(cmd === undefined ? {} : { cmd: cmd as string[] }) };
}

function parseEntry(v: unknown, at: string, bad: Bad): LayerEntrySpec | undefined {
  if (!isObject(v)) return (bad(at, 'must be an object'), undefined);
  const path = v['path'];
  if (typeof path !== 'string' || !path.startsWith('/') || path === '/')
    return (bad(`${at}.path`, 'must be an absolute path other than "/"'), undefined);
  const parts = path.split('/').slice(1);
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.length > 255 || p.includes('\0')))
    return (
      bad(
        `${at}.path`,
        `"${path.slice(0, 80)}" is not a clean path (no empty, ".", ".." or over-long parts)`,
      ),
      undefined
    );
  if (parts.some((p) => p.startsWith('.wh.')))
    return (bad(`${at}.path`, 'names starting with ".wh." cannot be stored in a layer'), undefined);
  const mode = v['mode'];
  if (mode !== undefined && (typeof mode !== 'string' || !/^0?[0-7]{3,4}$/.test(mode)))
    return (bad(`${at}.mode`, 'must be an octal string like "0644"'), undefined);
  const m = mode === undefined ? {} : { mode: mode as string };
  switch (v['type']) {
    case 'file': {
      const content = v['content'] ?? '';
      if (typeof content !== 'string') return (bad(`${at}.content`, 'must be a string'), undefined);
      return { path, type: 'file', content, ...m };
    }
    case 'dir': {
      const opaque = v['opaque'] ?? false;
      if (typeof opaque !== 'boolean') return (bad(`${at}.opaque`, 'must be true or false'), undefined);
      return { path, type: 'dir', opaque, ...m };
    }
    case 'symlink': {
      const target = v['target'];
      if (typeof target !== 'string' || target === '')
        return (bad(`${at}.target`, 'must be a non-empty string'), undefined);
      return { path, type: 'symlink', target };
    }
    case 'whiteout':
      return { path, type: 'whiteout' };
    default:
      return (bad(`${at}.type`, 'must be one of "file", "dir", "symlink", "whiteout"'), undefined);
  }
}
