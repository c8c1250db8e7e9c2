import { openAsBlob, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CatalogSource } from '../engine/catalog/catalog.ts';
import type { PreparedFile } from '../replay/host-files.ts';
import { archiveFiles, prepareFile } from '../replay/host-files.ts';
import { replaySession } from '../replay/replay.ts';
import { parseScenario } from '../replay/scenario.ts';
import { diskCatalog } from './disk-catalog.ts';

// `npm run --silent replay -- FILE...`: one JSON object per scenario file on stdout (JSON Lines),
// in argument order. A file that cannot be read or is not a scenario is reported on stderr by name;
// the others are still replayed, and the exit code is then 1. The built-in image catalog is read from
// public/catalog (each scenario gets a fresh reader, so no state leaks from one file to the next).
// Archives: `docker load -i FILE` reads FILE from disk and `docker save -o FILE` writes it, FILE
// relative to the scenario file's directory (app/replay/host-files.ts).

const MAX_FILE_BYTES = 256 * 1024 * 1024;

async function main(files: readonly string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent replay -- SCENARIO.json...\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      const buf = readFileSync(file);
      if (buf.length > MAX_FILE_BYTES) throw new Error(`file too large (${buf.length} bytes)`);
      text = buf.toString('utf8');
    } catch (e) {
      process.stderr.write(
        `replay: ${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
      );
      failed++;
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      process.stderr.write(`replay: ${file}: not valid JSON: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
    const parsed = parseScenario(json);
    if (!parsed.ok) {
      process.stderr.write(`replay: ${file}: not a valid scenario: ${parsed.error}\n`);
      failed++;
      continue;
    }
    try {
      const catalog: CatalogSource = diskCatalog();
      const archives = archiveFiles(parsed.scenario.commands);
      const onDisk = (word: string): string => resolve(dirname(file), word);
      const prepared: PreparedFile[] = [];
      for (const a of archives) {
        if (a.kind !== 'load' || prepared.some((p) => p.path === a.path)) continue;
        let bytes: Blob;
        try {
          // Backed by the file on disk: docker load reads it in pieces, as the page reads a File.
          bytes = await openAsBlob(onDisk(a.word));
        } catch {
          continue; // not on disk: the line prints docker's "open FILE: no such file or directory"
        }
        prepared.push(await prepareFile(a.path, bytes));
      }
      const { output, session } = replaySession(parsed.scenario, { catalog, files: prepared });
      for (const a of archives) {
        const saved = session.hostFiles?.get(a.path);
        // docker save leaves bytes it made (a Blob is only ever a file the page opened).
        if (a.kind === 'save' && saved?.bytes instanceof Uint8Array)
          writeFileSync(onDisk(a.word), saved.bytes);
      }
      process.stdout.write(JSON.stringify(output) + '\n');
    } catch (e) {
      process.stderr.write(`replay: ${file}: internal error: ${(e as Error).message}\n`);
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
}

// Output piped into `head` may close early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
