import { expect, test } from '@playwright/test';
import { TerminalPage } from './pages/terminal.ts';

// The Korean blog post "Docker Storage 알아보기", typed line by line as a reader would, checking at
// each step what the post shows (its formats; ids are the simulator's own).

test('the blog post’s walk-through, from docker info to cat TEST in nginx:test', async ({ page }) => {
  test.setTimeout(120_000);
  const t = new TerminalPage(page);
  await t.goto();
  const out = async (line: string): Promise<string> => t.outputOf(await t.run(line));

  expect(await out('docker info | grep Storage')).toBe(' Storage Driver: overlay2\n');

  // nginx is there as if pulled on first load, so run starts it at once and prints the id.
  expect(await out('docker run --name nginx -d nginx')).toMatch(/^[0-9a-f]{64}\n$/);

  const rootfs = await out("docker image inspect nginx | jq '.[].RootFS'");
  expect(rootfs).toMatch(
    /^\{\n {2}"Type": "layers",\n {2}"Layers": \[\n( {4}"sha256:[0-9a-f]{64}",?\n){7} {2}\]\n\}\n$/,
  );

  const layerdb = await out('ls /var/lib/docker/image/overlay2/layerdb/sha256');
  // nginx's seven chain IDs, and the built-in demo image's three.
  expect(layerdb.trim().split('\n')).toHaveLength(10);
  for (const name of layerdb.trim().split('\n')) expect(name).toMatch(/^[0-9a-f]{64}$/);

  const gd = await out("docker inspect nginx | jq '.[].GraphDriver'");
  expect(gd).toMatch(
    /"LowerDir": "\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}-init\/diff:\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff/,
  );
  for (const key of ['MergedDir', 'UpperDir', 'WorkDir'])
    expect(gd).toContain(`"${key}": "/var/lib/docker/overlay2/`);
  expect(gd).toContain('"Name": "overlay2"');

  await t.run('docker exec -it nginx /bin/bash');
  await expect(t.prompt).toHaveText(/^root@[0-9a-f]{12}:\/# ?$/);
  expect(await out('ls')).toContain('docker-entrypoint.d');
  expect(await out('touch TEST')).toBe('');
  expect(await out('echo "Hello World" >> TEST')).toBe('');
  // C collation inside the container: uppercase first.
  expect(await out('ls')).toMatch(/^TEST {2}/);
  await t.run('exit');
  await expect(t.prompt).toHaveText(/^\$ ?$/);

  const upper = (await out("docker inspect -f '{{.GraphDriver.Data.UpperDir}}' nginx")).trim();
  await t.run(`cd ${upper.replace(/\/diff$/, '')}`);
  expect(await out('ls diff/')).toBe('etc  root  run  TEST  var\n');
  expect(await out('ls merged/')).toMatch(/\bTEST\b[\s\S]*\bvar\b/);
  expect(await out('cat lower')).toMatch(/^l\/[A-Z2-7]{26}(:l\/[A-Z2-7]{26}){7}$/);

  const diff = await out('docker diff nginx');
  expect(diff.split('\n')[0]).toBe('A /TEST');
  for (const l of ['C /etc', 'C /etc/nginx', 'C /etc/nginx/conf.d', 'C /etc/nginx/conf.d/default.conf'])
    expect(diff.split('\n')).toContain(l);

  expect(await out('docker commit nginx nginx:test')).toMatch(/^sha256:[0-9a-f]{64}\n$/);
  const images = await out('docker images');
  expect(images).toMatch(/^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE\nnginx +test +[0-9a-f]{12} .+187MB\n/);
  expect(images).toMatch(/\nnginx +latest +[0-9a-f]{12} .+187MB\n/);

  await t.run('docker run -it nginx:test bash');
  await expect(t.prompt).toHaveText(/^root@[0-9a-f]{12}:\/# ?$/);
  expect(await out('cat TEST')).toBe('Hello World\n');
});
