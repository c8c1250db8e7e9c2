import type { Narrator } from './narrate.ts';
import { en } from './narrate.ts';
import { ko } from './narrate-ko.ts';

/** The narrator of each language the page speaks (the keys are app/i18n's `Language`). */
export const NARRATORS: Readonly<Record<'en' | 'ko', Narrator>> = { en, ko };
