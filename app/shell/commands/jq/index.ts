// jq 1.6 (a subset) on the host: `docker inspect … | jq '.[].GraphDriver'`. The command is
// command.ts; the rest of this folder is the language (lexer, parser, evaluator, builtins) and jq's
// JSON reader and printer.

export type { JqOptions } from './cli-args.ts';
export { parseJqArgs } from './cli-args.ts';
export { jq } from './command.ts';
