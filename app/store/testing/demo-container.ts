import { DEMO_IMAGE } from '../../engine/catalog/demo.ts';
import { createContainer } from '../../engine/docker/containers.ts';
import { addImage } from '../../engine/docker/images.ts';
import type { Container, World } from '../../engine/docker/world.ts';
import { emptyWorld } from '../../engine/docker/world.ts';
import type { DirNode } from '../../engine/node.ts';
import { dirNode, fileNode, whiteoutNode } from '../../engine/node.ts';
import { setIn } from '../../engine/tree.ts';

const meta = { mode: 0o644, uid: 0, gid: 0, mtime: 5 };

/**
 * The demo image and a container `web` that, as the blog's session does, appended to
 * /etc/app/app.conf, removed /etc/debian_version and made /data/notes.txt: one C, one D, two A.
 */
export function demoContainer(): { world: World; c: Container } {
  const [w1, image] = addImage(emptyWorld(), DEMO_IMAGE);
  const [w2, c0] = createContainer(w1, {
    image,
    imageRef: 'demo',
    name: 'web',
    command: ['sh'],
    autoRemove: false,
  });
  let root: DirNode = c0.upper.root;
  root = setIn(root, ['etc'], dirNode({ ...meta, mode: 0o755 }), 5);
  root = setIn(root, ['etc', 'app'], dirNode({ ...meta, mode: 0o755 }), 5);
  const conf = 'server {\n    listen 8080;\n    root /srv/www;\n}\nhi\n';
  root = setIn(root, ['etc', 'app', 'app.conf'], fileNode(conf, meta, 900), 5);
  root = setIn(root, ['etc', 'debian_version'], whiteoutNode(5), 5);
  root = setIn(root, ['data'], dirNode({ ...meta, mode: 0o755 }), 5);
  root = setIn(root, ['data', 'notes.txt'], fileNode('x\n', meta, 901), 5);
  const c: Container = { ...c0, upper: { ...c0.upper, root } };
  const containers = new Map(w2.containers);
  containers.set(c.id, c);
  return { world: { ...w2, containers }, c };
}
