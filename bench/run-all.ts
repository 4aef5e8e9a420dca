// `npm run bench`: runs every bench/*.bench.ts that exports `run()`, one after
// another (benchmarks must not compete for the CPU), and prints each one's
// figures: through its `format(result)` if it has one, else key by key.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface BenchModule {
  run?: () => unknown;
  format?: (result: never) => string[];
}

const dir = import.meta.dirname;
const only = process.argv[2];

const plain = (result: unknown): string[] =>
  typeof result === 'object' && result !== null
    ? [
        Object.entries(result)
          .map(
            ([k, v]) =>
              `${k} ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v)}`,
          )
          .join(', '),
      ]
    : [String(result)];

let failed = 0;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  if (typeof mod.run !== 'function') continue;
  console.log(`== ${file}`);
  try {
    const result: unknown = await mod.run();
    const lines = mod.format ? mod.format(result as never) : plain(result);
    for (const line of lines) console.log(`  ${line}`);
  } catch (e) {
    failed++;
    console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
