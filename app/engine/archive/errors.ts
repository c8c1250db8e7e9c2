/**
 * A bad archive: the message reads the way dockerd words it where it has a word for it. Everything
 * the importer rejects is one of these; anything else escaping it is a bug.
 */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

export const isArchiveError = (e: unknown): e is ArchiveError => e instanceof ArchiveError;
