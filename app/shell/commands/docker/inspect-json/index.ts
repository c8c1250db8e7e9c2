// The objects `docker inspect` prints, as Go values in two shapes (see ../gotemplate/):
//  - 'daemon': what dockerd 20.10 sends — the JSON the CLI prints as is (key order and all);
//  - 'cli': the docker CLI 28's own structs the JSON is decoded into, which --format templates
//    see first ({{.State}}, {{json .}} and %T print these).
// Field orders were copied from a real dockerd 20.10.24 with CLI 28.2.2 (REFERENCE-SYSTEMS.md).
//
// The public API of this folder; see README.md for what each file holds.

export type { View } from './shared.ts';
export { DOCKER_ROOT } from './shared.ts';
export { containerGraphDriver, containerValue, pidOf } from './container.ts';
export { imageGraphDriver, imageValue, repoTags } from './image.ts';
export { volumeValue } from './volume.ts';
