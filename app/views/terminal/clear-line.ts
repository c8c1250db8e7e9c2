/**
 * Whether a typed line is `clear`: the page then empties the screen as Ctrl+L does, since its
 * terminal is a transcript that cannot act on clear's escape sequence. In a pipeline or with other
 * arguments it only runs (and prints what ncurses' clear would).
 */
export const clearsScreen = (line: string): boolean => /^\s*clear(\s+-x)?\s*$/.test(line);
