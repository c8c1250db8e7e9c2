import { describe, expect, it } from 'vitest';
import { OVERLAY2 } from '../../../engine/docker/containers.ts';
import { findContainer } from '../../../engine/docker/containers.ts';
import { findImage } from '../../../engine/docker/images.ts';
import { BASE2_LAYERS } from '../../../engine/testing/builders.ts';
import { createSession } from '../../session.ts';
import type { Session } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

// docker inspect / image inspect / container inspect, typed at the prompt. Key orders and messages
// were copied from dockerd 20.10.24 answering the docker CLI 28.2.2 (REFERENCE-SYSTEMS.md).

/** The blog's setup: `docker run --name nginx -d nginx`, with the built-in image. */
const withNginx = (): Session => type(createSession(), 'docker run -d --name nginx demo').session;

/** Keys of a JSON object in the order the text has them. */
const keysOf = (json: string, path: (string | number)[] = []): string[] => {
  let v: unknown = JSON.parse(json);
  for (const p of path) v = (v as Record<string, unknown>)[p as string];
  return Object.keys(v as object);
};

const CONTAINER_KEYS = [
  'Id',
  'Created',
  'Path',
  'Args',
  'State',
  'Image',
  'ResolvConfPath',
  'HostnamePath',
  'HostsPath',
  'LogPath',
  'Name',
  'RestartCount',
  'Driver',
  'Platform',
  'MountLabel',
  'ProcessLabel',
  'AppArmorProfile',
  'ExecIDs',
  'HostConfig',
  'GraphDriver',
  'Mounts',
  'Config',
  'NetworkSettings',
];
const IMAGE_KEYS = [
  'Id',
  'RepoTags',
  'RepoDigests',
  'Parent',
  'Comment',
  'Created',
  'Container',
  'ContainerConfig',
  'DockerVersion',
  'Author',
  'Config',
  'Architecture',
  'Os',
  'Size',
  'VirtualSize',
  'GraphDriver',
  'RootFS',
  'Metadata',
];
const STATE_KEYS = [
  'Status',
  'Running',
  'Paused',
  'Restarting',
  'OOMKilled',
  'Dead',
  'Pid',
  'ExitCode',
  'Error',
  'StartedAt',
  'FinishedAt',
];
const CONFIG_KEYS = [
  'Hostname',
  'Domainname',
  'User',
  'AttachStdin',
  'AttachStdout',
  'AttachStderr',
  'Tty',
  'OpenStdin',
  'StdinOnce',
  'Env',
  'Cmd',
  'Image',
  'Volumes',
  'WorkingDir',
  'Entrypoint',
  'OnBuild',
  'Labels',
];
const HOSTCONFIG_KEYS = [
  'Binds',
  'ContainerIDFile',
  'LogConfig',
  'NetworkMode',
  'PortBindings',
  'RestartPolicy',
  'AutoRemove',
  'VolumeDriver',
  'VolumesFrom',
  'CapAdd',
  'CapDrop',
  'CgroupnsMode',
  'Dns',
  'DnsOptions',
  'DnsSearch',
  'ExtraHosts',
  'GroupAdd',
  'IpcMode',
  'Cgroup',
  'Links',
  'OomScoreAdj',
  'PidMode',
  'Privileged',
  'PublishAllPorts',
  'ReadonlyRootfs',
  'SecurityOpt',
  'UTSMode',
  'UsernsMode',
  'ShmSize',
  'Runtime',
  'ConsoleSize',
  'Isolation',
  'CpuShares',
  'Memory',
  'NanoCpus',
  'CgroupParent',
  'BlkioWeight',
  'BlkioWeightDevice',
  'BlkioDeviceReadBps',
  'BlkioDeviceWriteBps',
  'BlkioDeviceReadIOps',
  'BlkioDeviceWriteIOps',
  'CpuPeriod',
  'CpuQuota',
  'CpuRealtimePeriod',
  'CpuRealtimeRuntime',
  'CpusetCpus',
  'CpusetMems',
  'Devices',
  'DeviceCgroupRules',
  'DeviceRequests',
  'KernelMemory',
  'KernelMemoryTCP',
  'MemoryReservation',
  'MemorySwap',
  'MemorySwappiness',
  'OomKillDisable',
  'PidsLimit',
  'Ulimits',
  'CpuCount',
  'CpuPercent',
  'IOMaximumIOps',
  'IOMaximumBandwidth',
  'MaskedPaths',
  'ReadonlyPaths',
];
const NETWORK_KEYS = [
  'Bridge',
  'SandboxID',
  'HairpinMode',
  'LinkLocalIPv6Address',
  'LinkLocalIPv6PrefixLen',
  'Ports',
  'SandboxKey',
  'SecondaryIPAddresses',
  'SecondaryIPv6Addresses',
  'EndpointID',
  'Gateway',
  'GlobalIPv6Address',
  'GlobalIPv6PrefixLen',
  'IPAddress',
  'IPPrefixLen',
  'IPv6Gateway',
  'MacAddress',
  'Networks',
];

describe('the blog: docker image inspect nginx | jq .[].RootFS', () => {
  it('prints the image diff IDs under Type and Layers, two-space indented', () => {
    const s = createSession();
    const img = findImage(s.world, 'demo')!;
    const r = type(s, "docker image inspect demo | jq '.[].RootFS'");
    const layers = img.config.rootfs.diff_ids.map((d) => `    "${d}"`).join(',\n');
    expect(r.stdout[0]).toBe(`{\n  "Type": "layers",\n  "Layers": [\n${layers}\n  ]\n}\n`);
    expect(r.codes[0]).toBe(0);
  });
});

describe('the blog: docker inspect nginx | jq .[].GraphDriver', () => {
  it('prints LowerDir with the -init layer first, then the image layers topmost first', () => {
    const s = withNginx();
    const c = findContainer(s.world, 'nginx')!;
    const img = findImage(s.world, 'demo')!;
    const r = type(s, "docker inspect nginx | jq '.[].GraphDriver'");
    const lower = [
      `${OVERLAY2}/${c.mountId}-init/diff`,
      ...[...img.chain].reverse().map((ch) => `${OVERLAY2}/${s.world.layers.get(ch)!.cacheId}/diff`),
    ];
    expect(r.stdout[0]).toBe(
      '{\n  "Data": {\n' +
        `    "LowerDir": "${lower.join(':')}",\n` +
        `    "MergedDir": "${OVERLAY2}/${c.mountId}/merged",\n` +
        `    "UpperDir": "${OVERLAY2}/${c.mountId}/diff",\n` +
        `    "WorkDir": "${OVERLAY2}/${c.mountId}/work"\n` +
        '  },\n  "Name": "overlay2"\n}\n',
    );
  });

  it('lists exactly the image layers after the init layer', () => {
    const s = withNginx();
    const img = findImage(s.world, 'demo')!;
    const r = type(s, "docker inspect -f '{{.GraphDriver.Data.LowerDir}}' nginx");
    const dirs = r.stdout[0]!.trim().split(':');
    expect(dirs[0]).toMatch(/-init\/diff$/);
    expect(dirs.slice(1)).toEqual(
      [...img.chain].reverse().map((ch) => `${OVERLAY2}/${s.world.layers.get(ch)!.cacheId}/diff`),
    );
  });
});

describe('docker inspect of a container', () => {
  it('prints a JSON array with dockerd 20.10 key order, four-space indent', () => {
    const r = type(withNginx(), 'docker inspect nginx');
    const text = r.stdout[0]!;
    expect(text.startsWith('[\n    {\n        "Id": "')).toBe(true);
    expect(text.endsWith('\n    }\n]\n')).toBe(true);
    const one = JSON.stringify(JSON.parse(text)[0]);
    expect(keysOf(one)).toEqual(CONTAINER_KEYS);
    expect(keysOf(one, ['State'])).toEqual(STATE_KEYS);
    expect(keysOf(one, ['Config'])).toEqual(CONFIG_KEYS);
    expect(keysOf(one, ['HostConfig'])).toEqual(HOSTCONFIG_KEYS);
    expect(keysOf(one, ['NetworkSettings'])).toEqual(NETWORK_KEYS);
    expect(keysOf(one, ['GraphDriver'])).toEqual(['Data', 'Name']);
    expect(keysOf(one, ['GraphDriver', 'Data'])).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    expect(text).toContain('        "ExecIDs": null,\n');
    expect(text).toContain('            "Dns": [],\n');
    expect(text).toContain('        "Mounts": [],\n');
  });

  it('shows the state, name and command the container has', () => {
    const s = withNginx();
    const c = findContainer(s.world, 'nginx')!;
    const [json] = JSON.parse(type(s, 'docker container inspect nginx').stdout[0]!) as [
      Record<string, unknown>,
    ];
    expect(json.Id).toBe(c.id);
    expect(json.Name).toBe('/nginx');
    expect(json.Path).toBe(c.command[0]);
    expect(json.Args).toEqual(c.command.slice(1));
    expect(json.Image).toBe(c.imageId);
    expect(json.Created).toBe(new Date(c.created * 1000).toISOString().replace('.000Z', 'Z'));
    expect((json.State as Record<string, unknown>).Status).toBe('running');
    expect((json.Config as Record<string, unknown>).Hostname).toBe(c.id.slice(0, 12));
    expect((json.Config as Record<string, unknown>).Image).toBe('demo');
    expect(json.ResolvConfPath).toBe(`/var/lib/docker/containers/${c.id}/resolv.conf`);
  });

  it('escapes <, > and & as encoding/json does; {{json}} does not', () => {
    const r = type(
      createSession(),
      "docker run --name esc demo sh -c 'echo a && echo b > /dev/null'",
      'docker inspect esc',
      "docker inspect -f '{{json .Args}}' esc",
    );
    expect(r.stdout[1]).toContain('"echo a \\u0026\\u0026 echo b \\u003e /dev/null"');
    expect(r.stdout[2]).toBe('["-c","echo a && echo b > /dev/null"]\n');
  });

  it('gives an exited container its exit code and finish time', () => {
    const r = type(
      createSession(),
      "docker run --name ex demo sh -c 'exit 3'",
      "docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Running}} {{.State.Pid}}' ex",
    );
    expect(r.stdout[1]).toBe('exited 3 false 0\n');
  });

  it('adds SizeRw and SizeRootFs with -s', () => {
    const r = type(
      withNginx(),
      "docker inspect -s -f '{{.SizeRw}} {{.SizeRootFs}}' nginx",
      "docker inspect -f '{{.SizeRw}}' nginx",
    );
    expect(r.stdout[0]).toMatch(/^0 \d+\n$/);
    expect(r.stdout[1]).toBe('<nil>\n');
  });
});

describe('docker image inspect', () => {
  it('prints the image in dockerd 20.10 key order', () => {
    const r = type(createSession(), 'docker image inspect demo');
    const one = JSON.stringify(JSON.parse(r.stdout[0]!)[0]);
    expect(keysOf(one)).toEqual(IMAGE_KEYS);
    expect(keysOf(one, ['RootFS'])).toEqual(['Type', 'Layers']);
    expect(keysOf(one, ['Metadata'])).toEqual(['LastTagTime']);
    expect(keysOf(one, ['ContainerConfig'])).toEqual(CONFIG_KEYS);
    expect(r.stdout[0]).toContain('            "LastTagTime": "0001-01-01T00:00:00Z"\n');
  });

  it('leaves LowerDir out for a one-layer image; Upper/Work/Merged are its layer', () => {
    const s = createSession({ demo: false, images: [{ ref: 'one:1', layers: [BASE2_LAYERS[0]!] }] });
    const cache = s.world.layers.get(findImage(s.world, 'one:1')!.chain[0]!)!.cacheId;
    const r = type(s, "docker image inspect -f '{{json .GraphDriver.Data}}' one:1");
    expect(r.stdout[0]).toBe(
      `{"MergedDir":"${OVERLAY2}/${cache}/merged","UpperDir":"${OVERLAY2}/${cache}/diff","WorkDir":"${OVERLAY2}/${cache}/work"}\n`,
    );
  });

  it('uses the top layer for Upper/Work/Merged and the rest, topmost first, for LowerDir', () => {
    const s = createSession();
    const img = findImage(s.world, 'demo')!;
    const cache = [...img.chain].reverse().map((ch) => s.world.layers.get(ch)!.cacheId);
    const r = type(
      s,
      "docker image inspect -f '{{.GraphDriver.Data.UpperDir}}|{{.GraphDriver.Data.LowerDir}}' demo",
    );
    expect(r.stdout[0]).toBe(
      `${OVERLAY2}/${cache[0]}/diff|${cache
        .slice(1)
        .map((c) => `${OVERLAY2}/${c}/diff`)
        .join(':')}\n`,
    );
  });

  it('shows a commit with its parent, container and tag time', () => {
    const r = type(
      withNginx(),
      'docker exec nginx touch /TEST',
      'docker commit nginx nginx:test',
      "docker image inspect -f '{{.Parent}} {{.Container}} {{.Metadata.LastTagTime}} {{len .RootFS.Layers}}' nginx:test",
    );
    const c = findContainer(r.session.world, 'nginx')!;
    const parent = findImage(r.session.world, 'demo')!;
    expect(r.stdout[2]).toMatch(
      new RegExp(
        `^${parent.id} ${c.id} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000 UTC ${parent.chain.length + 1}\\n$`,
      ),
    );
  });
});

describe('docker inspect --format', () => {
  const cases: [string, RegExp | string][] = [
    ['{{.Name}}', '/nginx\n'],
    ['{{.State.Status}}', 'running\n'],
    ['{{index .Config.Cmd 0}}', 'sleep\n'],
    ['{{join .Config.Cmd " "}}', 'sleep infinity\n'],
    ['{{.Config.Env}}', '[PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin]\n'],
    ['{{.Config.Labels}} {{.Config.Volumes}} {{.ExecIDs}} {{json .ExecIDs}}', 'map[] map[] [] null\n'],
    [
      '{{json .GraphDriver}}',
      /^\{"Data":\{"LowerDir":"[^"]+-init\/diff:[^"]+","MergedDir":"[^"]+\/merged","UpperDir":"[^"]+\/diff","WorkDir":"[^"]+\/work"\},"Name":"overlay2"\}\n$/,
    ],
    ['{{.GraphDriver.Data.UpperDir}}', /^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff\n$/],
    [
      '{{.State}}',
      /^\{running true false false false false \d+ 0 {2}2024-\S+Z 0001-01-01T00:00:00Z <nil>\}\n$/,
    ],
    ['{{.GraphDriver}}', /^\{map\[LowerDir:\S+ MergedDir:\S+ UpperDir:\S+ WorkDir:\S+\] overlay2\}\n$/],
    ['{{.Id}} x', /^[0-9a-f]{64} x\n$/],
    ['{{if eq .State.Status "running"}}up{{else}}down{{end}}', 'up\n'],
    ['{{range $i, $e := .Args}}{{$i}}={{$e}};{{end}}', '0=infinity;\n'],
    ['{{.Config.Labels.foo}}|{{index .Config.Labels "x"}}|', '<no value>||\n'],
    ['{{printf "%s-%d" .Name .RestartCount}}', '/nginx-0\n'],
    ['{{.HostConfig.KernelMemory}}', '0\n'],
  ];
  for (const [tpl, want] of cases)
    it(`runs ${tpl}`, () => {
      const r = type(withNginx(), `docker inspect -f '${tpl}' nginx`);
      if (typeof want === 'string') expect(r.stdout[0]).toBe(want);
      else expect(r.stdout[0]).toMatch(want);
      expect(r.codes[0]).toBe(0);
    });

  it('prints each RootFS layer on its own line with range/println', () => {
    const s = createSession();
    const img = findImage(s.world, 'demo')!;
    const r = type(s, "docker inspect -f '{{range .RootFS.Layers}}{{println .}}{{end}}' demo");
    expect(r.stdout[0]).toBe(img.config.rootfs.diff_ids.map((d) => `${d}\n`).join('') + '\n');
  });

  it('prints {{json .}} as the CLI re-encodes it, and -f json as the raw array', () => {
    const r = type(
      withNginx(),
      "docker inspect -f '{{json .RootFS}}' demo",
      'docker inspect -f json nginx nginx',
    );
    expect(r.stdout[0]).toMatch(
      /^\{"Type":"layers","Layers":\["sha256:[0-9a-f]{64}"(,"sha256:[0-9a-f]{64}")*\]\}\n$/,
    );
    expect(r.stdout[1]!.split('\n')).toHaveLength(2);
    expect(JSON.parse(r.stdout[1]!)).toHaveLength(2);
  });

  it('reports a missing key from the raw JSON, with an empty line on stdout, exit 1', () => {
    const r = type(
      withNginx(),
      "docker inspect -f '{{.Nope}}' nginx",
      "docker inspect -f '{{.State.Nope}}' nginx",
    );
    expect(r.stdout[0]).toBe('\n');
    expect(r.stderr[0]).toBe(
      'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n',
    );
    expect(r.stderr[1]).toBe(
      'template parsing error: template: :1:8: executing "" at <.State.Nope>: map has no entry for key "Nope"\n',
    );
    expect(r.codes).toEqual([1, 1]);
  });

  it('refuses a bad template before looking anything up, exit 64', () => {
    const r = type(
      withNginx(),
      "docker inspect -f '{{.Foo' nginx",
      "docker inspect -f '{{.Foo}}{{end}}' nope",
      "docker inspect -f '{{nope .Id}}' nginx",
    );
    expect(r.stderr).toEqual([
      'template parsing error: template: :1: unclosed action\n',
      'template parsing error: template: :1: unexpected {{end}}\n',
      'template parsing error: template: :1: function "nope" not defined\n',
    ]);
    expect(r.stdout).toEqual(['', '', '']);
    expect(r.codes).toEqual([64, 64, 64]);
  });

  it('reports a function error at the command', () => {
    const r = type(withNginx(), "docker inspect -f '{{index .Config.Cmd 5}}' nginx");
    expect(r.stderr[0]).toBe(
      'template parsing error: template: :1:2: executing "" at <index .Config.Cmd 5>: error calling index: index out of range: 5\n',
    );
  });
});

describe('docker inspect of names that do not exist', () => {
  it('says No such object, prints [] and exits 1', () => {
    const r = type(createSession(), 'docker inspect nope');
    expect(r.stdout[0]).toBe('[]\n');
    expect(r.stderr[0]).toBe('Error: No such object: nope\n');
    expect(r.codes[0]).toBe(1);
  });

  it('still prints the ones found, errors after them', () => {
    const r = type(withNginx(), "docker inspect -f '{{.Name}}' nginx nope nginx");
    expect(r.stdout[0]).toBe('/nginx\n/nginx\n');
    expect(r.stderr[0]).toBe('Error: No such object: nope\n');
    expect(r.codes[0]).toBe(1);
  });

  it('words image and container misses as the daemon does', () => {
    const r = type(
      withNginx(),
      'docker image inspect nope',
      'docker image inspect Nope',
      'docker container inspect demo',
      'docker inspect --type image nginx',
    );
    expect(r.stderr).toEqual([
      'Error response from daemon: no such image: nope: No such image: nope:latest\n',
      'Error response from daemon: no such image: Nope: invalid reference format: repository name must be lowercase\n',
      'Error response from daemon: No such container: demo\n',
      'Error response from daemon: no such image: nginx: No such image: nginx:latest\n',
    ]);
    expect(r.codes).toEqual([1, 1, 1, 1]);
  });

  it('checks --type and the argument count like the CLI', () => {
    const r = type(
      createSession(),
      'docker inspect --type foo demo',
      'docker inspect',
      'docker image inspect',
    );
    expect(r.stderr[0]).toBe(
      'unknown type: "foo": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
    );
    expect(r.stderr[1]).toBe(
      "docker: 'docker inspect' requires at least 1 argument\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nSee 'docker inspect --help' for more information\n",
    );
    expect(r.stderr[2]).toContain("docker: 'docker image inspect' requires at least 1 argument");
    expect(r.codes).toEqual([1, 1, 1]);
  });

  it('warns that --size does not apply to an image', () => {
    const r = type(createSession(), "docker inspect -s -f '{{.Os}}' demo");
    expect(r.stderr[0]).toBe('WARNING: --size ignored for image\n');
    expect(r.stdout[0]).toBe('linux\n');
  });
});
