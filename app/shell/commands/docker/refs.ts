import { normalizeRef } from '../../../engine/docker/images.ts';

/** Parse `name[:tag]` as the docker reference grammar allows (lowercase names, tags up to 128). */
export function parseReference(s: string): { ok: true; ref: string } | { ok: false; error: string } {
  const re =
    /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;
  if (!re.test(s)) {
    const reason = /[A-Z]/.test(s) ? 'repository name must be lowercase' : `invalid reference format`;
    return { ok: false, error: reason };
  }
  return { ok: true, ref: normalizeRef(s) };
}

/** 'nginx:latest' → ['nginx', 'latest']. */
export function splitRef(ref: string): [string, string] {
  const i = ref.lastIndexOf(':');
  return i > ref.lastIndexOf('/') ? [ref.slice(0, i), ref.slice(i + 1)] : [ref, 'latest'];
}
