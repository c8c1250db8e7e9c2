// Bounds that keep a hostile or accidental paste from freezing the page. Real bash has no such limits;
// each one is far above anything a person types, and each is reported with a clear message when hit.

/** Simple commands run from one input line (a 100 000-command paste is refused whole, before running). */
export const MAX_COMMANDS_PER_LINE = 10_000;
/** Nesting of ${A:-${B:-…}} the tokenizer follows (it recurses per level). */
export const MAX_BRACE_DEPTH = 32;
/** Directory reads pathname expansion may do for one line (a pattern of many stars over a big tree). */
export const MAX_GLOB_READS = 5_000;
/** Names one pattern may produce. */
export const MAX_GLOB_MATCHES = 100_000;
/** Words that brace expansion may produce for one line (`{1..99999999}` would otherwise hang the tab). */
export const MAX_BRACE_WORDS = 100_000;
/** Characters that word expansion may produce for one line. */
export const MAX_EXPANSION = 16 * 1024 * 1024;
/** Characters written by commands (to the terminal, pipes and files) for one line; past it the line stops. */
export const MAX_OUTPUT_PER_LINE = 8 * 1024 * 1024;
/** printf output for one command, in characters, and the widest field it pads to. */
export const MAX_PRINTF_OUTPUT = 4 * 1024 * 1024;
export const MAX_PRINTF_WIDTH = 1_000_000;
