/**
 * What the store's lesson slice loads on demand, in a chunk of its own: the lessons (validated as
 * they load), the runner's transitions and the placeholder filler. The page's first load carries none
 * of it.
 */
export { loadLessons } from '../scenarios/index.ts';
export { afterLine, goToStep, startProgress } from './runner.ts';
export { fillPlaceholders } from './command.ts';
