// The Go values and the text/template subset behind `docker inspect --format`: what inspect.ts and
// inspect-json/ use.

export type { GoField, GoValue } from './go-values.ts';
export { goTime, NIL, ptr, rfc3339, slice, strMap, struct, typeName } from './go-values.ts';
export type { JsonOptions } from './go-json.ts';
export { goJson, jsonIndent, jsonString, toRaw } from './go-json.ts';
export { goFloat, goQuote, goSprint, goSprintf } from './go-fmt.ts';
export { TemplateError } from './template-lex.ts';
export type { Template } from './template-ast.ts';
export { parseTemplate } from './template-parse.ts';
export type { ExecOptions } from './template-exec.ts';
export { executeTemplate } from './template-exec.ts';
