import { strerror } from '../../../engine/errors.ts';
import { normalize } from '../../../engine/path.ts';
import type { ShellName } from '../ast.ts';
import { ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

type CdOpts =
  | { readonly kind: 'home' }
  | { readonly kind: 'back' } // cd -
  | { readonly kind: 'to'; readonly dir: string }
  | { readonly kind: 'too-many' };

/**
 * cd resolves logically, like bash's default -L: `cd link/..` is lexical and $PWD keeps the symlink's
 * name. It sets OLDPWD and PWD through the session, so they are exported as in a real shell.
 */
export const cd = (shell: ShellName): Builtin<CdOpts> => ({
  name: 'cd',
  usage: 'cd [-L|-P] [dir]',
  where: ['container', 'host'],
  parse(args) {
    const rest = args.filter((a, i) => !(i === 0 && (a === '--' || a === '-L' || a === '-P')));
    if (rest.length > 1 && shell === 'bash') return ok({ kind: 'too-many' });
    const dir = rest[0];
    if (dir === undefined) return ok({ kind: 'home' });
    return ok(dir === '-' ? { kind: 'back' } : { kind: 'to', dir });
  },
  run(opts, ctx) {
    let dir: string;
    switch (opts.kind) {
      case 'too-many':
        ctx.shell.error('cd: too many arguments');
        return 1;
      case 'home': {
        const home = ctx.shell.get('HOME');
        if (home === undefined) {
          ctx.shell.error('cd: HOME not set');
          return shell === 'bash' ? 1 : 2;
        }
        dir = home;
        break;
      }
      case 'back': {
        const old = ctx.shell.get('OLDPWD');
        // dash remembers the previous directory itself; bash needs $OLDPWD.
        if (old === undefined && shell === 'bash') {
          ctx.shell.error('cd: OLDPWD not set');
          return 1;
        }
        dir = old ?? ctx.cwd;
        break;
      }
      case 'to':
        dir = opts.dir;
    }
    if (dir === '') return 0; // cd "" stays put
    const target = normalize(dir, ctx.cwd);
    const st = ctx.fs.stat(target);
    const errno = !st.ok ? st.errno : st.value.kind !== 'dir' ? 'ENOTDIR' : null;
    if (errno !== null) {
      ctx.shell.error(shell === 'bash' ? `cd: ${dir}: ${strerror[errno]}` : `cd: can't cd to ${dir}`);
      return shell === 'bash' ? 1 : 2; // dash's builtin errors exit 2
    }
    ctx.session.setEnv('OLDPWD', ctx.cwd);
    ctx.session.setEnv('PWD', target);
    ctx.session.setCwd(target);
    if (opts.kind === 'back') ctx.stdout(target + '\n');
    return 0;
  },
});
