import type { PageOptions } from './options.ts';
import { parsePageOptions } from './options.ts';

/** This page's options, read once from its URL as it loads (options.ts says which). */
export const pageOptions: PageOptions = parsePageOptions(window.location.search);
