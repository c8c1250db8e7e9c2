import { readFileSync } from 'node:fs';
import type { CatalogSource } from '../engine/catalog/catalog.ts';
import { replay } from '../replay/replay.ts';
import { parseScenario } from '../replay/scenario.ts';
import { diskCatalog } from './disk-catalog.ts';

// `npm run --silent replay -- FILE...`: one JSON object per scenario file on stdout (JSON Lines),
// in argument order. A file that cannot be read or is not a scenario is reported on stderr by name;
// the others are still replayed, and the exit code is then 1. The built-in image catalog is read from
// public/catalog (each scenario gets a fresh reader, so no state leaks from one file to the next).

const MAX_FILE_BYTES = 256 * 1024 * 1024;

function main(files: readonly string[]): number {
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
      process.stdout.write(JSON.stringify(replay(parsed.scenario, { catalog })) + '\n');
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

process.exitCode = main(process.argv.slice(2));
