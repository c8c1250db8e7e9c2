import type { HistoryEntry } from '../../app/engine/docker/world.ts';

// How a Dockerfile's instructions end up in an image's history (docker history, E9).

/** A RUN's shell text as BuildKit records it: comment lines dropped, `\` + newline removed. */
export function runText(body: string): string {
  const lines = body.replace(/\n$/, '').split('\n');
  let out = '';
  for (const line of lines) {
    if (/^\s*#/.test(line)) continue;
    out += line.endsWith('\\') ? line.slice(0, -1) : line + '\n';
  }
  return out.replace(/\n$/, '');
}

/** History of a BuildKit build: each instruction with its `created_by` as `docker history` shows it. */
export class History {
  readonly entries: HistoryEntry[] = [];
  constructor(private created: string) {}

  at(created: string): this {
    this.created = created;
    return this;
  }
  /** The legacy builder's lines of a base image: `/bin/sh -c #(nop) …`. */
  legacy(text: string, emptyLayer: boolean): this {
    this.entries.push({
      created: this.created,
      created_by: `/bin/sh -c #(nop) ${text}`,
      ...(emptyLayer ? { empty_layer: true } : {}),
    });
    return this;
  }
  /** A BuildKit instruction (LABEL, ENV, COPY …). */
  step(text: string, emptyLayer: boolean): this {
    this.entries.push({
      created: this.created,
      created_by: text,
      comment: 'buildkit.dockerfile.v0',
      ...(emptyLayer ? { empty_layer: true } : {}),
    });
    return this;
  }
  run(body: string, emptyLayer = false): this {
    return this.step(`RUN /bin/sh -c ${runText(body)} # buildkit`, emptyLayer);
  }
  copy(src: string, dest: string): this {
    return this.step(`COPY ${src} ${dest} # buildkit`, false);
  }
  env(kv: string): this {
    return this.step(`ENV ${kv}`, true);
  }
}
