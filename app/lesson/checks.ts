import { containerOverlay, findContainer, initOverlay } from '../engine/docker/containers.ts';
import { changes, formatChanges } from '../engine/docker/diff.ts';
import { findImage, layerSize } from '../engine/docker/images.ts';
import { imageSize } from '../engine/docker/sizes.ts';
import type { Container, World } from '../engine/docker/world.ts';
import type { Node } from '../engine/node.ts';
import { resolveComps } from '../engine/overlay.ts';
import { normalize, splitPath } from '../engine/path.ts';
import { getIn } from '../engine/tree.ts';
import type { Session } from '../shell/session-api.ts';
import type { Check } from '../scenarios/types.ts';
import { fillPlaceholders } from './command.ts';
import { fileText } from '../engine/content.ts';

/**
 * A lesson's goals, read from the machine: pure functions of the session and of what the lines run
 * since the step began printed. Lesson data only ever selects one of these kinds and fills its fields;
 * nothing in it is run as code.
 */
export interface CheckContext {
  readonly session: Session;
  /** What the last line run during this step printed (stdout and stderr), or null before any. */
  readonly output: string | null;
  readonly exitCode: number | null;
}

export function passes(check: Check, ctx: CheckContext): boolean {
  const world = ctx.session.world;
  const fill = (s: string): string => fillPlaceholders(s, world);
  const container = (name: string): Container | undefined => findContainer(world, fill(name));
  const out = ctx.output;
  switch (check.kind) {
    case 'outputContains':
      return out !== null && check.text.every((t) => out.includes(fill(t)));
    case 'outputLacks':
      return out !== null && check.text.every((t) => !out.includes(fill(t)));
    case 'outputHasLayers': {
      const img = findImage(world, check.ref);
      return (
        out !== null && img !== undefined && img.chain.every((c) => out.includes(c.slice('sha256:'.length)))
      );
    }
    case 'exitCode':
      return ctx.exitCode === check.code;
    case 'containerExists': {
      const c = container(check.name);
      return c !== undefined && (check.state === undefined || c.state === check.state);
    }
    case 'containerGone':
      return container(check.name) === undefined;
    case 'insideContainer': {
      const top = ctx.session.frames[ctx.session.frames.length - 1];
      const c =
        top?.where === 'container' && top.containerId ? world.containers.get(top.containerId) : undefined;
      if (!c) return false;
      if (check.name !== undefined && c.name !== fill(check.name)) return false;
      return check.image === undefined || findImage(world, check.image)?.id === c.imageId;
    }
    case 'onHost':
      return ctx.session.frames[ctx.session.frames.length - 1]?.where === 'host';
    case 'cwdIs':
      return ctx.session.frames[ctx.session.frames.length - 1]?.cwd === normalize(fill(check.path));
    case 'imageExists':
      return findImage(world, check.ref) !== undefined;
    case 'imageNotSmaller': {
      const a = findImage(world, check.ref);
      const b = findImage(world, check.than);
      return a !== undefined && b !== undefined && imageSize(world, a) >= imageSize(world, b);
    }
    case 'pathInUpper': {
      const c = container(check.container);
      const n = c && upperNode(c, fill(check.path));
      if (!n || n.kind === 'whiteout') return false;
      if (check.type !== undefined && n.kind !== check.type) return false;
      return check.content === undefined || (n.kind === 'file' && fileText(n) === check.content);
    }
    case 'whiteoutAt': {
      const c = container(check.container);
      return c !== undefined && upperNode(c, fill(check.path))?.kind === 'whiteout';
    }
    case 'opaqueAt': {
      const c = container(check.container);
      const n = c && upperNode(c, fill(check.path));
      return n?.kind === 'dir' && n.opaque;
    }
    case 'mergedHas': {
      const c = container(check.container);
      const n = c && mergedNode(world, c, fill(check.path));
      if (!n) return false;
      return check.content === undefined || (n.kind === 'file' && fileText(n) === check.content);
    }
    case 'mergedLacks': {
      const c = container(check.container);
      return c !== undefined && mergedNode(world, c, fill(check.path)) === undefined;
    }
    case 'diffEquals':
    case 'diffIncludes': {
      const c = container(check.container);
      if (!c) return false;
      const lines = formatChanges(changes(containerOverlay(world, c), initOverlay(world, c)));
      const want = check.lines.map(fill);
      return check.kind === 'diffIncludes'
        ? want.every((l) => lines.includes(l))
        : want.length === lines.length && want.every((l, i) => lines[i] === l);
    }
    case 'volumeHas': {
      const vol = world.volumes.get(check.volume);
      const n = vol && getIn(vol.tree.root, splitPath(normalize(check.path)));
      if (!n || n.kind === 'whiteout') return false;
      return check.content === undefined || (n.kind === 'file' && fileText(n) === check.content);
    }
    case 'upperSizeAtLeast': {
      const c = container(check.container);
      return c !== undefined && layerSize(c.upper) >= check.bytes;
    }
    case 'all':
      return check.checks.every((c) => passes(c, ctx));
  }
}

const upperNode = (c: Container, path: string): Node | undefined =>
  getIn(c.upper.root, splitPath(normalize(path)));

const mergedNode = (world: World, c: Container, path: string): Node | undefined =>
  resolveComps(containerOverlay(world, c), splitPath(normalize(path)))?.node;
