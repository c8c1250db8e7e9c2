// The shell language: a bash subset (and dash's dialect of it) that runs typed lines against an Fs and a
// command registry. Everything else in Layerlab talks to it through these names.
export type { ExecRequest, ExecResult, OutputChunk, ShellEnv } from './api.ts';
export type { ShellName } from './ast.ts';
export { execLine } from './exec.ts';
export { builtins } from './builtins/index.ts';
export type { Builtin, BuiltinContext, ShellAccess } from './builtins/builtin.ts';
