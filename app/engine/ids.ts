// Branded ids: a LayerId can never be passed where a ContainerId is expected.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Internal id of a layer in the simulator (not a digest). */
export type LayerId = Brand<string, 'LayerId'>;
/** A container's full 64-hex id. */
export type ContainerId = Brand<string, 'ContainerId'>;
/** A normalized absolute path: starts with '/', no '.', '..', '//' or trailing '/' (except '/'). */
export type AbsPath = Brand<string, 'AbsPath'>;

export const layerId = (s: string): LayerId => s as LayerId;
export const containerId = (s: string): ContainerId => s as ContainerId;
