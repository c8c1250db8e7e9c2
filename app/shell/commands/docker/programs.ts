// How the simulator treats a container's programs: which are interactive shells, which run forever.

const SHELLS: Readonly<Record<string, 'bash' | 'sh'>> = { sh: 'sh', bash: 'bash', dash: 'sh', ash: 'sh' };

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** `sh` or `bash` with no script: the shell a person gets with -it. */
export function interactiveShell(argv: readonly string[]): 'bash' | 'sh' | undefined {
  if (argv.length !== 1 && !(argv.length === 2 && (argv[1] === '-l' || argv[1] === '-i'))) return undefined;
  return SHELLS[base(argv[0]!)];
}

export const shellOf = (argv0: string): 'bash' | 'sh' | undefined => SHELLS[base(argv0)];

/** Main processes that keep a container up until it is stopped (sleep, servers). */
export function isLongRunning(argv: readonly string[]): boolean {
  const b = base(argv[0] ?? '');
  if (b === 'sleep') return argv[1] === 'infinity' || Number(argv[1]) >= 60;
  return [
    'nginx',
    'httpd',
    'httpd-foreground',
    'mysqld',
    'docker-entrypoint.sh',
    '/docker-entrypoint.sh',
  ].includes(b);
}
