// Type-checks every layer with its own tsconfig, so the layering is enforced by the compiler.
import { spawn } from 'node:child_process';

const projects = [
  'shared/tsconfig.json',
  'renderer/tsconfig.json',
  'electron/core/tsconfig.json',
  'electron/tsconfig.json',
  'sync-server/tsconfig.json',
  'tsconfig.json',
];

const run = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => resolve({ project, code }));
  });

let failed = 0;
for (let i = 0; i < projects.length; i += 2) {
  const results = await Promise.all(projects.slice(i, i + 2).map(run));
  for (const r of results) {
    if (r.code !== 0) {
      failed++;
      console.error(`typecheck failed: ${r.project}`);
    }
  }
}
if (failed === 0) console.log(`typecheck: ${projects.length} projects clean`);
process.exit(failed === 0 ? 0 : 1);
