import type { FromWorker, Port, ToWorker } from './import-protocol.ts';
import { serveImport } from './import-serve.ts';

// The import worker's entry (a module Worker made by import-client.ts): `self` is its global scope.
serveImport(self as unknown as Port<ToWorker, FromWorker>);
