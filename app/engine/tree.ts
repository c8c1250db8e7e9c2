import type { DirNode, Node } from './node.ts';

// Persistent updates of one layer's tree: copy the dirs on the way down, share the rest.

export function getIn(root: DirNode, comps: readonly string[]): Node | undefined {
  let node: Node = root;
  for (const c of comps) {
    if (node.kind !== 'dir') return undefined;
    const next: Node | undefined = node.children.get(c);
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/**
 * Return a new root with `node` at `comps` (or the name removed when `node` is null). Every ancestor
 * must already exist as a directory; `touchParent` sets the immediate parent's mtime (an entry was
 * created or removed there, as the kernel updates a directory's mtime).
 */
export function setIn(
  root: DirNode,
  comps: readonly string[],
  node: Node | null,
  touchParent: number | null,
): DirNode {
  if (comps.length === 0) {
    if (!node || node.kind !== 'dir') throw new Error('setIn: the root must stay a directory');
    return node;
  }
  return setRec(root, comps, 0, node, touchParent);
}

function setRec(
  dir: DirNode,
  comps: readonly string[],
  i: number,
  node: Node | null,
  touch: number | null,
): DirNode {
  const name = comps[i]!;
  const children = new Map(dir.children);
  if (i === comps.length - 1) {
    if (node) children.set(name, node);
    else children.delete(name);
    return { ...dir, children, mtime: touch ?? dir.mtime };
  }
  const child = dir.children.get(name);
  if (!child || child.kind !== 'dir')
    throw new Error(`setIn: missing directory ${comps.slice(0, i + 1).join('/')}`);
  children.set(name, setRec(child, comps, i + 1, node, touch));
  return { ...dir, children };
}

/** Replace the node at comps by f(node); the node must exist. Parent mtimes are unchanged. */
export function updateIn(root: DirNode, comps: readonly string[], f: (n: Node) => Node): DirNode {
  const cur = getIn(root, comps);
  if (!cur) throw new Error(`updateIn: missing ${comps.join('/')}`);
  return setIn(root, comps, f(cur), null);
}

/** Pre-order walk with the path of each node ('' parts joined by '/'), children in byte order of names. */
export function* walk(dir: DirNode, prefix = ''): Generator<[string, Node]> {
  const names = [...dir.children.keys()].sort(byteCompare);
  for (const name of names) {
    const child = dir.children.get(name)!;
    const p = `${prefix}/${name}`;
    yield [p, child];
    if (child.kind === 'dir') yield* walk(child, p);
  }
}

/** Compare strings by Unicode code point, which is the byte order of their UTF-8 encoding. */
export function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
