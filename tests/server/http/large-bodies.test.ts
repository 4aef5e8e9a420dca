// Issue 14, defect 11: many large bodies at once are not all buffered. Beyond
// a few in flight, a large request is answered at once with 503 and
// Retry-After, before its body is read; nothing else ends in a 5xx, and the
// server serves normally afterwards. (Memory is measured in
// bench/large-bodies.bench.ts, not asserted here.)
import { request } from 'node:https';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { versions } from '../helpers/client';
import { LARGE_BODY_LIMITS } from '../../../sync-server/src/http/large-bodies';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.stop());

interface Answer {
  status: number;
  retryAfter: string | undefined;
  code: unknown;
}

/** POSTs `body` with its Content-Length; resolves with the answer even if the server stops reading. */
function post(path: string, body: Buffer): Promise<Answer> {
  const url = new URL(path, t.server.url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      url,
      {
        method: 'POST',
        ca: t.server.caCertPem,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let code: unknown;
          try {
            code = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { code?: unknown }).code;
          } catch {
            code = 'not json';
          }
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            code,
          });
        });
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    req.end(body);
  });
}

const largeBody = (mib: number): Buffer =>
  Buffer.from(
    JSON.stringify({
      ...versions,
      batchId: 'x',
      changes: [],
      padding: 'p'.repeat(mib * 1024 * 1024),
    }),
  );

it('answers 503 with Retry-After beyond the limit of large bodies in flight, and nothing else fails', async () => {
  const body = largeBody(7);
  expect(body.length).toBeGreaterThan(LARGE_BODY_LIMITS.largeBytes);
  const answers = await Promise.all(Array.from({ length: 20 }, () => post('/v1/push', body)));

  const busy = answers.filter((a) => a.status === 503);
  const served = answers.filter((a) => a.status !== 503);
  expect(busy.length).toBeGreaterThan(0);
  expect(served.length).toBeGreaterThanOrEqual(1);
  for (const a of busy) {
    expect(a).toEqual({
      status: 503,
      retryAfter: String(LARGE_BODY_LIMITS.retryAfterSeconds),
      code: 'UNAVAILABLE',
    });
  }
  // The ones let through were read and refused as usual (no certificate): 4xx, never 5xx.
  for (const a of served) {
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
  }
});

it('serves normally afterwards: small requests, and a large one once the others are done', async () => {
  expect((await t.anonymous().get('/v1/health')).status).toBe(200);
  const clinic = await t.registerClinic();
  const pull = await clinic.ws.post('/v1/pull', { ...versions, sentAt: Date.now(), after: 0 });
  expect(pull.status).toBe(200);
  const alone = await post('/v1/push', largeBody(2));
  expect(alone.status).not.toBe(503);
  expect(alone.status).toBeLessThan(500);
});

it('never holds back small requests, however many large ones are in flight', async () => {
  const small = Buffer.from(JSON.stringify({ ...versions }));
  const answers = await Promise.all([
    ...Array.from({ length: 8 }, () => post('/v1/push', largeBody(4))),
    ...Array.from({ length: 8 }, () => post('/v1/pull', small)),
  ]);
  const smallAnswers = answers.slice(8);
  for (const a of smallAnswers) expect(a.status).not.toBe(503);
  for (const a of answers) if (a.status >= 500) expect(a.status).toBe(503);
});
