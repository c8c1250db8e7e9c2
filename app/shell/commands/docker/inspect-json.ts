import { digestOfText } from '../../../engine/digest.ts';
import { OVERLAY2 } from '../../../engine/docker/containers.ts';
import { containerSizes, imageSize, parseTime } from '../../../engine/docker/sizes.ts';
import { volumeMountpoint } from '../../../engine/docker/volumes.ts';
import type { Container, ImageRecord, Volume, World } from '../../../engine/docker/world.ts';
import type { GoValue } from './gotemplate/index.ts';
import { goTime, ptr, rfc3339, slice, strMap, struct } from './gotemplate/index.ts';

// The objects `docker inspect` prints, as Go values in two shapes (see gotemplate/):
//  - 'daemon': what dockerd 20.10 sends — the JSON the CLI prints as is (key order and all);
//  - 'cli': the docker CLI 28's own structs the JSON is decoded into, which --format templates
//    see first ({{.State}}, {{json .}} and %T print these).
// Field orders were copied from a real dockerd 20.10.24 with CLI 28.2.2 (REFERENCE-SYSTEMS.md).

export type View = 'daemon' | 'cli';

export const DOCKER_ROOT = '/var/lib/docker';
const CONTAINERS_DIR = `${DOCKER_ROOT}/containers`;

const strs = (list: readonly string[] | null | undefined): GoValue => slice(list === undefined ? null : list);
const int = (n: number): GoValue => n;
const emptyStruct = struct('struct {}', []);

/** Deterministic stand-ins for ids dockerd draws at random (H3): a hex digest of a label. */
const hexOf = (label: string): string => digestOfText(label).slice(7);

/** The ID of the daemon's built-in "none" network. */
const NONE_NETWORK_ID = hexOf('layerlab network none');

/** A stable PID for a running container's main process (real PIDs are the host's). */
export const pidOf = (c: Container): number => 1000 + (parseInt(c.id.slice(0, 6), 16) % 30000);

// ---- container.Config (containers, and images' ContainerConfig/Config in the daemon's shape)

interface ConfigFields {
  readonly Hostname?: string;
  readonly Domainname?: string;
  readonly User?: string;
  readonly AttachStdin?: boolean;
  readonly AttachStdout?: boolean;
  readonly AttachStderr?: boolean;
  readonly Tty?: boolean;
  readonly OpenStdin?: boolean;
  readonly StdinOnce?: boolean;
  readonly Env?: readonly string[] | null;
  readonly Cmd?: readonly string[] | null;
  readonly Image?: string;
  readonly Volumes?: Readonly<Record<string, unknown>> | null;
  readonly WorkingDir?: string;
  readonly Entrypoint?: readonly string[] | null;
  readonly OnBuild?: readonly string[] | null;
  readonly Labels?: Readonly<Record<string, string>> | null;
  readonly StopSignal?: string;
  readonly Shell?: readonly string[] | null;
}

const volumesMap = (v: ConfigFields['Volumes']): GoValue =>
  strMap(
    v ? Object.fromEntries(Object.keys(v).map((k) => [k, emptyStruct])) : null,
    'struct {}',
    emptyStruct,
  );

/** A config read back from JSON: only the keys with the types Go would accept. */
function configFields(json: unknown): ConfigFields {
  if (typeof json !== 'object' || json === null) return {};
  const o = json as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof o[k] === 'string' ? o[k] : undefined);
  const bool = (k: string): boolean | undefined => (typeof o[k] === 'boolean' ? o[k] : undefined);
  const list = (k: string): readonly string[] | null | undefined =>
    Array.isArray(o[k]) && o[k].every((x) => typeof x === 'string') ? (o[k] as string[]) : undefined;
  const labels = o.Labels;
  const isStrRecord = (x: unknown): x is Record<string, string> =>
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    Object.values(x).every((v) => typeof v === 'string');
  const vols = o.Volumes;
  const out: Record<string, unknown> = {
    Hostname: str('Hostname'),
    Domainname: str('Domainname'),
    User: str('User'),
    AttachStdin: bool('AttachStdin'),
    AttachStdout: bool('AttachStdout'),
    AttachStderr: bool('AttachStderr'),
    Tty: bool('Tty'),
    OpenStdin: bool('OpenStdin'),
    StdinOnce: bool('StdinOnce'),
    Env: list('Env'),
    Cmd: list('Cmd'),
    Image: str('Image'),
    Volumes:
      typeof vols === 'object' && vols !== null && !Array.isArray(vols)
        ? (vols as Record<string, unknown>)
        : undefined,
    WorkingDir: str('WorkingDir'),
    Entrypoint: list('Entrypoint'),
    OnBuild: list('OnBuild'),
    Labels: isStrRecord(labels) ? labels : undefined,
    StopSignal: str('StopSignal'),
    Shell: list('Shell'),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as ConfigFields;
}

/** container.Config in both shapes (the same struct in dockerd 20.10 and CLI 28). */
function containerConfig(f: ConfigFields, labelsDefault: GoValue): GoValue {
  return ptr(
    struct('container.Config', [
      ['Hostname', f.Hostname ?? ''],
      ['Domainname', f.Domainname ?? ''],
      ['User', f.User ?? ''],
      ['AttachStdin', f.AttachStdin ?? false],
      ['AttachStdout', f.AttachStdout ?? false],
      ['AttachStderr', f.AttachStderr ?? false],
      ['ExposedPorts', strMap(null, 'struct {}', emptyStruct), 'omit'],
      ['Tty', f.Tty ?? false],
      ['OpenStdin', f.OpenStdin ?? false],
      ['StdinOnce', f.StdinOnce ?? false],
      ['Env', strs(f.Env ?? null)],
      ['Cmd', strs(f.Cmd ?? null)],
      ['Healthcheck', ptr(null, 'container.HealthConfig'), 'omit'],
      ['ArgsEscaped', false, 'omit'],
      ['Image', f.Image ?? ''],
      ['Volumes', volumesMap(f.Volumes ?? null)],
      ['WorkingDir', f.WorkingDir ?? ''],
      ['Entrypoint', strs(f.Entrypoint ?? null)],
      ['NetworkDisabled', false, 'omit'],
      ['MacAddress', '', 'omit'],
      ['OnBuild', strs(f.OnBuild ?? null)],
      ['Labels', f.Labels === undefined ? labelsDefault : strMap(f.Labels)],
      ['StopSignal', f.StopSignal ?? '', 'omit'],
      ['StopTimeout', ptr(null, 'int'), 'omit'],
      ['Shell', strs(f.Shell ?? null), 'omit'],
    ]),
    'container.Config',
  );
}

/** The CLI 28's image Config: the OCI image config with Docker's extensions, every field omitempty. */
function ociImageConfig(f: ConfigFields): GoValue {
  return ptr(
    struct('dockerspec.DockerOCIImageConfig', [
      [
        'ImageConfig',
        struct('v1.ImageConfig', [
          ['User', f.User ?? '', 'omit'],
          ['ExposedPorts', strMap(null, 'struct {}', emptyStruct), 'omit'],
          ['Env', strs(f.Env ?? null), 'omit'],
          ['Entrypoint', strs(f.Entrypoint ?? null), 'omit'],
          ['Cmd', strs(f.Cmd ?? null), 'omit'],
          ['Volumes', volumesMap(f.Volumes ?? null), 'omit'],
          ['WorkingDir', f.WorkingDir ?? '', 'omit'],
          ['Labels', strMap(f.Labels ?? null), 'omit'],
          ['StopSignal', f.StopSignal ?? '', 'omit'],
          ['ArgsEscaped', false, 'omit'],
        ]),
        'embed',
      ],
      [
        'DockerOCIImageConfigExt',
        struct('dockerspec.DockerOCIImageConfigExt', [
          ['Healthcheck', ptr(null, 'dockerspec.HealthcheckConfig'), 'omit'],
          ['OnBuild', strs(f.OnBuild ?? null), 'omit'],
          ['Shell', strs(f.Shell ?? null), 'omit'],
        ]),
        'embed',
      ],
    ]),
    'dockerspec.DockerOCIImageConfig',
  );
}

// ---- containers

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

/** GraphDriver.Data of an image (A4): its top layer's dirs; LowerDir absent for one layer. */
export function imageGraphDriver(world: World, img: ImageRecord): Record<string, string> | null {
  const cache = [...img.chain].reverse().map((ch) => world.layers.get(ch)?.cacheId ?? 'missing');
  const [top, ...rest] = cache;
  if (top === undefined) return null;
  return {
    ...(rest.length > 0 ? { LowerDir: rest.map((id) => `${OVERLAY2}/${id}/diff`).join(':') } : {}),
    MergedDir: `${OVERLAY2}/${top}/merged`,
    UpperDir: `${OVERLAY2}/${top}/diff`,
    WorkDir: `${OVERLAY2}/${top}/work`,
  };
}

const graphDriver = (data: Record<string, string> | null): GoValue =>
  struct('storage.DriverData', [
    ['Data', strMap(data)],
    ['Name', 'overlay2'],
  ]);

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

// ---- images

/** The image's tags, sorted as the reference store lists them. */
export const repoTags = (world: World, img: ImageRecord): string[] =>
  [...world.tags]
    .filter(([, id]) => id === img.id)
    .map(([ref]) => ref)
    .sort();

/** `docker image inspect`: one image. */
export function imageValue(world: World, img: ImageRecord, view: View): GoValue {
  const cfg = img.config;
  const tags = repoTags(world, img);
  const size = imageSize(world, img);
  // A commit tags its image as it makes it; catalog images count as pulled (no tag time).
  const lastTag = img.parent !== null && tags.length > 0 ? parseTime(cfg.created) : null;
  const cli = view === 'cli';
  const config = configFields(cfg.config);
  const containerCfg = configFields(cfg.container_config);
  // Fields that CLI 28's struct tags omitempty and dockerd 20.10 always sent.
  const cliOmit = cli ? 'omit' : undefined;
  return struct('image.InspectResponse', [
    ['Id', img.id],
    ['RepoTags', strs(tags)],
    ['RepoDigests', strs([])],
    ['Parent', img.parent ?? ''],
    ['Comment', cfg.comment ?? ''],
    ['Created', cfg.created],
    ['Container', cfg.container ?? '', cliOmit],
    ['ContainerConfig', containerConfig(containerCfg, strMap(null)), cliOmit],
    ['DockerVersion', cfg.docker_version ?? ''],
    ['Author', cfg.author ?? ''],
    ['Config', cli ? ociImageConfig(config) : containerConfig(config, strMap(null))],
    ['Architecture', cfg.architecture],
    ['Variant', '', 'omit'],
    ['Os', cfg.os],
    ['OsVersion', '', 'omit'],
    ['Size', size],
    ['VirtualSize', size, cliOmit],
    ['GraphDriver', graphDriver(imageGraphDriver(world, img))],
    [
      'RootFS',
      struct('image.RootFS', [
        ['Type', 'layers'],
        ['Layers', strs(cfg.rootfs.diff_ids), 'omit'],
        ...(cli ? [] : [['BaseLayer', '', 'omit'] as const]),
      ]),
    ],
    ['Metadata', struct('image.Metadata', [['LastTagTime', goTime(lastTag)]])],
    ...(cli
      ? [
          ['Descriptor', ptr(null, 'v1.Descriptor'), 'omit'] as const,
          ['Manifests', slice(null, 'image.ManifestSummary'), 'omit'] as const,
        ]
      : []),
  ]);
}

// ---- volumes

/** `docker volume inspect` (reached by `docker inspect NAME` too). */
export function volumeValue(vol: Volume, view: View): GoValue {
  const cli = view === 'cli';
  return struct('volume.Volume', [
    ...(cli ? [['ClusterVolume', ptr(null, 'volume.ClusterVolume'), 'omit'] as const] : []),
    ['CreatedAt', rfc3339(vol.created)],
    ['Driver', vol.driver],
    ['Labels', strMap(vol.labels)],
    ['Mountpoint', volumeMountpoint(vol.name)],
    ['Name', vol.name],
    ['Options', strMap(null)],
    ['Scope', 'local'],
    ['Status', strMap(null, 'interface {}'), 'omit'],
    ['UsageData', ptr(null, 'volume.UsageData'), 'omit'],
  ]);
}
