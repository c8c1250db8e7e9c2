// Real images in and out (docker load / docker save): see README.md.
export { ArchiveError, isArchiveError } from './errors.ts';
export { isGzip } from './gzip.ts';
export type { ByteSource } from './gzip.ts';
export { loadPrepared } from './load.ts';
export type { LoadedImage, LoadResult } from './load.ts';
export { prepareArchive } from './prepare.ts';
export type {
  ImportProgress,
  PreparedArchive,
  PreparedImage,
  PreparedLayer,
  PrepareOptions,
} from './prepare.ts';
export { saveOciLayout, saveOciLayoutTo } from './save-oci.ts';
export { saveImages, saveImagesTo } from './save.ts';
export type { SaveResult } from './save.ts';
export { readTar, TarReader } from './tar-read.ts';
export type { TarEntry } from './tar-read.ts';
