import { digestOfText } from '../../../../engine/digest.ts';
import { OVERLAY2 } from '../../../../engine/docker/containers.ts';
import { containerSizes } from '../../../../engine/docker/sizes.ts';
import { volumeMountpoint } from '../../../../engine/docker/volumes.ts';
import type { Container, World } from '../../../../engine/docker/world.ts';
import type { GoValue } from '../gotemplate/index.ts';
import { ptr, rfc3339, slice, strMap, struct } from '../gotemplate/index.ts';
import { containerConfig } from './config.ts';
import type { View } from './shared.ts';
import { DOCKER_ROOT, graphDriver, strs } from './shared.ts';

// `docker container inspect`: a container as container.InspectResponse.

const CONTAINERS_DIR = `${DOCKER_ROOT}/containers`;

const int = (n: number): GoValue => n;

/** Deterministic stand-ins for ids dockerd draws at random (H3): a hex digest of a label. */
const hexOf = (label: string): string => digestOfText(label).slice(7);

/** The ID of the daemon's built-in "none" network. */
const NONE_NETWORK_ID = hexOf('layerlab network none');

/** A stable PID for a running container's main process (real PIDs are the host's). */
export const pidOf = (c: Container): number => 1000 + (parseInt(c.id.slice(0, 6), 16) % 30000);

/** The image's Entrypoint when the command starts with it; the rest is Cmd (null when empty). */
function splitCommand(
  world: World,
  c: Container,
): { entrypoint: readonly string[] | null; cmd: readonly string[] | null } {
  const ep = world.images.get(c.imageId)?.config.config.Entrypoint ?? null;
  if (ep && ep.length > 0 && ep.every((w, i) => c.command[i] === w)) {
    const rest = c.command.slice(ep.length);
    return { entrypoint: ep, cmd: rest.length > 0 ? rest : null };
  }
  return { entrypoint: null, cmd: c.command.length > 0 ? c.command : null };
}

function containerConfigOf(world: World, c: Container): GoValue {
  const imageCfg = world.images.get(c.imageId)?.config.config;
  const { entrypoint, cmd } = splitCommand(world, c);
  const anonymous = c.mounts.filter((m) => world.volumes.get(m.volume)?.anonymous);
  // `-i` without `-d` attaches all three streams and closes stdin after one attach (docker run -it).
  const attached = c.openStdin;
  const workingDir =
    c.workingDir === (imageCfg?.WorkingDir || '/') ? (imageCfg?.WorkingDir ?? '') : c.workingDir;
  return containerConfig(
    {
      Hostname: c.id.slice(0, 12),
      AttachStdin: attached,
      AttachStdout: attached,
      AttachStderr: attached,
      Tty: c.tty,
      OpenStdin: c.openStdin,
      StdinOnce: attached,
      Env: c.env,
      Cmd: cmd,
      Image: c.imageRef,
      Volumes: anonymous.length > 0 ? Object.fromEntries(anonymous.map((m) => [m.target, {}])) : null,
      WorkingDir: workingDir,
      Entrypoint: entrypoint,
    },
    strMap({}),
  );
}

function state(c: Container, view: View): GoValue {
  const running = c.state === 'running';
  return ptr(
    struct('container.State', [
      ['Status', c.state],
      ['Running', running],
      ['Paused', false],
      ['Restarting', false],
      ['OOMKilled', false],
      ['Dead', false],
      ['Pid', int(running ? pidOf(c) : 0)],
      ['ExitCode', int(c.exitCode)],
      ['Error', ''],
      ['StartedAt', rfc3339(c.startedAt)],
      ['FinishedAt', rfc3339(c.finishedAt)],
      ...(view === 'cli' ? [['Health', ptr(null, 'container.Health'), 'omit'] as const] : []),
    ]),
    'container.State',
  );
}

const MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

function resources(view: View): GoValue {
  const kernelMem = view === 'cli' ? 'omit' : undefined;
  const f = (name: string, v: GoValue, flag?: 'omit'): readonly [string, GoValue, 'omit'?] =>
    flag ? [name, v, flag] : [name, v];
  return struct('container.Resources', [
    f('CpuShares', 0),
    f('Memory', 0),
    f('NanoCpus', 0),
    f('CgroupParent', ''),
    f('BlkioWeight', 0),
    f('BlkioWeightDevice', slice([], '*blkiodev.WeightDevice')),
    f('BlkioDeviceReadBps', slice([], '*blkiodev.ThrottleDevice')),
    f('BlkioDeviceWriteBps', slice([], '*blkiodev.ThrottleDevice')),
    f('BlkioDeviceReadIOps', slice([], '*blkiodev.ThrottleDevice')),
    f('BlkioDeviceWriteIOps', slice([], '*blkiodev.ThrottleDevice')),
    f('CpuPeriod', 0),
    f('CpuQuota', 0),
    f('CpuRealtimePeriod', 0),
    f('CpuRealtimeRuntime', 0),
    f('CpusetCpus', ''),
    f('CpusetMems', ''),
    f('Devices', slice([], 'container.DeviceMapping')),
    f('DeviceCgroupRules', slice(null)),
    f('DeviceRequests', slice(null, 'container.DeviceRequest')),
    f('KernelMemory', 0, kernelMem),
    f('KernelMemoryTCP', 0, kernelMem),
    f('MemoryReservation', 0),
    f('MemorySwap', 0),
    f('MemorySwappiness', ptr(null, 'int64')),
    f('OomKillDisable', ptr(false, 'bool')),
    f('PidsLimit', ptr(null, 'int64')),
    f('Ulimits', slice([], '*container.Ulimit')),
    f('CpuCount', 0),
    f('CpuPercent', 0),
    f('IOMaximumIOps', 0),
    f('IOMaximumBandwidth', 0),
  ]);
}

function hostConfig(world: World, c: Container, view: View): GoValue {
  const named = c.mounts.filter((m) => !world.volumes.get(m.volume)?.anonymous);
  const binds = named.map((m) => `${m.volume}:${m.target}${m.mode && m.mode !== 'z' ? `:${m.mode}` : ''}`);
  const tmpfs = Object.fromEntries(c.tmpfs.map((t) => [t.target, t.options]));
  const cli = view === 'cli';
  const consoleSize: readonly [string, GoValue] = ['ConsoleSize', slice([0, 0], 'uint')];
  const fields: (readonly [string, GoValue, ('omit' | 'embed')?])[] = [
    ['Binds', strs(binds.length > 0 ? binds : null)],
    ['ContainerIDFile', ''],
    [
      'LogConfig',
      struct('container.LogConfig', [
        ['Type', 'json-file'],
        ['Config', strMap({})],
      ]),
    ],
    ['NetworkMode', 'none'],
    ['PortBindings', strMap({}, '[]nat.PortBinding', slice(null, 'nat.PortBinding'))],
    [
      'RestartPolicy',
      struct('container.RestartPolicy', [
        ['Name', 'no'],
        ['MaximumRetryCount', 0],
      ]),
    ],
    ['AutoRemove', c.autoRemove],
    ['VolumeDriver', ''],
    ['VolumesFrom', slice(null)],
    ...(cli ? [consoleSize, ['Annotations', strMap(null), 'omit'] as const] : []),
    ['CapAdd', slice(null)],
    ['CapDrop', slice(null)],
    // dockerd's default on a cgroup v2 host, which `docker info` here reports.
    ['CgroupnsMode', 'private'],
    ['Dns', slice([])],
    ['DnsOptions', slice([])],
    ['DnsSearch', slice([])],
    ['ExtraHosts', slice(null)],
    ['GroupAdd', slice(null)],
    ['IpcMode', 'private'],
    ['Cgroup', ''],
    ['Links', slice(null)],
    ['OomScoreAdj', 0],
    ['PidMode', ''],
    ['Privileged', false],
    ['PublishAllPorts', false],
    ['ReadonlyRootfs', c.readOnly],
    ['SecurityOpt', slice(null)],
    ['StorageOpt', strMap(null), 'omit'],
    ['Tmpfs', strMap(c.tmpfs.length > 0 ? tmpfs : null), 'omit'],
    ['UTSMode', ''],
    ['UsernsMode', ''],
    ['ShmSize', 67108864],
    ['Sysctls', strMap(null), 'omit'],
    ['Runtime', 'runc'],
    ...(cli ? [] : [consoleSize]),
    ['Isolation', ''],
    ['Resources', resources(view), 'embed'],
    ['Mounts', slice(null, 'mount.Mount'), 'omit'],
    ['MaskedPaths', strs(MASKED_PATHS)],
    ['ReadonlyPaths', strs(READONLY_PATHS)],
    ['Init', ptr(null, 'bool'), 'omit'],
  ];
  return ptr(struct('container.HostConfig', fields), 'container.HostConfig');
}

/** GraphDriver.Data of a container (A4): the init layer, then the image's layers topmost first. */
export function containerGraphDriver(world: World, c: Container): Record<string, string> {
  const image = world.images.get(c.imageId);
  const chain = image ? image.chain : [];
  const lowers = [
    `${OVERLAY2}/${c.mountId}-init/diff`,
    ...[...chain].reverse().map((ch) => `${OVERLAY2}/${world.layers.get(ch)?.cacheId ?? 'missing'}/diff`),
  ];
  return {
    LowerDir: lowers.join(':'),
    MergedDir: `${OVERLAY2}/${c.mountId}/merged`,
    UpperDir: `${OVERLAY2}/${c.mountId}/diff`,
    WorkDir: `${OVERLAY2}/${c.mountId}/work`,
  };
}

/** Mounts: the volumes, sorted by destination (dockerd walks a map, so its order varies). */
function mounts(world: World, c: Container): GoValue {
  const list = [...c.mounts].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  return slice(
    list.map((m) =>
      struct('container.MountPoint', [
        ['Type', 'volume'],
        ['Name', m.volume],
        ['Source', world.volumes.has(m.volume) ? volumeMountpoint(m.volume) : ''],
        ['Destination', m.target],
        ['Driver', 'local'],
        ['Mode', m.mode],
        ['RW', !m.readOnly],
        ['Propagation', ''],
      ]),
    ),
    'container.MountPoint',
  );
}

function networkSettings(c: Container, view: View): GoValue {
  const started = c.startedAt !== null;
  const sandbox = started ? hexOf(`layerlab sandbox ${c.id}`) : '';
  const endpoint = c.state === 'running' ? hexOf(`layerlab endpoint ${c.id}`) : '';
  const cli = view === 'cli';
  const ports = strMap({}, '[]nat.PortBinding', slice(null, 'nat.PortBinding'));
  const sandboxKey = started ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '';
  const base = struct('container.NetworkSettingsBase', [
    ['Bridge', ''],
    ['SandboxID', sandbox],
    ...(cli
      ? [
          ['SandboxKey', sandboxKey] as const,
          ['Ports', ports] as const,
          ['HairpinMode', false] as const,
          ['LinkLocalIPv6Address', ''] as const,
          ['LinkLocalIPv6PrefixLen', 0] as const,
        ]
      : [
          ['HairpinMode', false] as const,
          ['LinkLocalIPv6Address', ''] as const,
          ['LinkLocalIPv6PrefixLen', 0] as const,
          ['Ports', ports] as const,
          ['SandboxKey', sandboxKey] as const,
        ]),
    ['SecondaryIPAddresses', slice(null, 'network.Address')],
    ['SecondaryIPv6Addresses', slice(null, 'network.Address')],
  ]);
  const defaults = struct('container.DefaultNetworkSettings', [
    ['EndpointID', ''],
    ['Gateway', ''],
    ['GlobalIPv6Address', ''],
    ['GlobalIPv6PrefixLen', 0],
    ['IPAddress', ''],
    ['IPPrefixLen', 0],
    ['IPv6Gateway', ''],
    ['MacAddress', ''],
  ]);
  const head: (readonly [string, GoValue])[] = [
    ['IPAMConfig', ptr(null, 'network.EndpointIPAMConfig')],
    ['Links', slice(null)],
    ['Aliases', slice(null)],
  ];
  const ids: (readonly [string, GoValue])[] = [
    ['NetworkID', started ? NONE_NETWORK_ID : ''],
    ['EndpointID', endpoint],
    ['Gateway', ''],
    ['IPAddress', ''],
    ['IPPrefixLen', 0],
    ['IPv6Gateway', ''],
    ['GlobalIPv6Address', ''],
    ['GlobalIPv6PrefixLen', 0],
  ];
  const mac: readonly [string, GoValue] = ['MacAddress', ''];
  const driverOpts: readonly [string, GoValue] = ['DriverOpts', strMap(null)];
  const endpointSettings = struct(
    'network.EndpointSettings',
    cli
      ? [...head, mac, driverOpts, ['GwPriority', 0], ...ids, ['DNSNames', slice(null)]]
      : [...head, ...ids, mac, driverOpts],
  );
  const none = ptr(endpointSettings, 'network.EndpointSettings');
  return ptr(
    struct('container.NetworkSettings', [
      ['NetworkSettingsBase', base, 'embed'],
      ['DefaultNetworkSettings', defaults, 'embed'],
      ['Networks', strMap({ none }, '*network.EndpointSettings', ptr(null, 'network.EndpointSettings'))],
    ]),
    'container.NetworkSettings',
  );
}

/** `docker container inspect`: one container, in the daemon's or the CLI's shape. */
export function containerValue(world: World, c: Container, view: View, size: boolean): GoValue {
  const started = c.startedAt !== null;
  const dir = `${CONTAINERS_DIR}/${c.id}`;
  const sizes = size ? containerSizes(world, c) : null;
  const base = struct('container.ContainerJSONBase', [
    ['Id', c.id],
    ['Created', rfc3339(c.created)],
    ['Path', c.command[0] ?? ''],
    ['Args', strs(c.command.slice(1))],
    ['State', state(c, view)],
    ['Image', c.imageId],
    ['ResolvConfPath', started ? `${dir}/resolv.conf` : ''],
    ['HostnamePath', started ? `${dir}/hostname` : ''],
    ['HostsPath', started ? `${dir}/hosts` : ''],
    ['LogPath', started ? `${dir}/${c.id}-json.log` : ''],
    ['Node', ptr(null, 'container.ContainerNode'), 'omit'],
    ['Name', `/${c.name}`],
    ['RestartCount', 0],
    ['Driver', 'overlay2'],
    ['Platform', 'linux'],
    ['MountLabel', ''],
    ['ProcessLabel', ''],
    ['AppArmorProfile', ''],
    ['ExecIDs', slice(null)],
    ['HostConfig', hostConfig(world, c, view)],
    ['GraphDriver', graphDriver(containerGraphDriver(world, c))],
    ['SizeRw', ptr(sizes ? sizes.rw : null, 'int64'), 'omit'],
    ['SizeRootFs', ptr(sizes ? sizes.virtual : null, 'int64'), 'omit'],
  ]);
  return struct('container.InspectResponse', [
    ['ContainerJSONBase', ptr(base, 'container.ContainerJSONBase'), 'embed'],
    ['Mounts', mounts(world, c)],
    ['Config', containerConfigOf(world, c)],
    ['NetworkSettings', networkSettings(c, view)],
    ...(view === 'cli' ? [['ImageManifestDescriptor', ptr(null, 'v1.Descriptor'), 'omit'] as const] : []),
  ]);
}
