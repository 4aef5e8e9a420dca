// Issue 14, defect 11: the server's memory (RSS of this process, which runs the
// server) before, at the peak of, and after 20 parallel 7 MiB bodies, with the
// large-body limit (sync-server/src/http/large-bodies.ts). Figures only; the
// behaviour is tested in tests/server/http/large-bodies.test.ts.
// Run: node bin/run-ts.js bench/run-all.ts large-bodies
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../sync-server/src/server';

const MIB = 1024 * 1024;
const rss = () => Math.round(process.memoryUsage().rss / MIB);

function post(url: string, ca: string, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    let answered = false;
    const req = request(
      new URL('/v1/push', url),
      {
        method: 'POST',
        ca,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        answered = true;
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => {
      if (!answered) resolve(0);
    });
    req.end(body);
  });
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'ehrbs-bench-large-'));
  const server = await startServer({ dataDir: dir, port: 0, logLevel: 'silent' });
  try {
    const body = Buffer.from(JSON.stringify({ padding: 'p'.repeat(7 * MIB) }));
    await sleep(500);
    const baselineMib = rss();
    let peakMib = baselineMib;
    const sampler = setInterval(() => (peakMib = Math.max(peakMib, rss())), 10);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => post(server.url, server.caCertPem, body)),
    );
    clearInterval(sampler);
    await sleep(2000);
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    return {
      baselineMib,
      peakMib,
      afterMib: rss(),
      refused503: statuses.filter((s) => s === 503).length,
      read: statuses.filter((s) => s !== 503).length,
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
