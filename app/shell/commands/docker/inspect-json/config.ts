import type { GoValue } from '../gotemplate/index.ts';
import { ptr, strMap, struct } from '../gotemplate/index.ts';
import { strs } from './shared.ts';

// ---- container.Config (containers, and images' ContainerConfig/Config in the daemon's shape)

const emptyStruct = struct('struct {}', []);

export interface ConfigFields {
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

export /** A config read back from JSON: only the keys with the types Go would accept. */
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

export /** container.Config in both shapes (the same struct in dockerd 20.10 and CLI 28). */
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

export /** The CLI 28's image Config: the OCI image config with Docker's extensions, every field omitempty. */
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
