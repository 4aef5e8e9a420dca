// A throwaway PostgreSQL database on the local server (trust auth), dropped after the tests.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URLS = [
  'postgres://postgres@127.0.0.1:5432/postgres',
  'postgres://root@127.0.0.1:5432/postgres',
];

async function adminClient(): Promise<{ client: pg.Client; url: string }> {
  let lastError: unknown;
  for (const url of ADMIN_URLS) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return { client, url };
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

/** `prefix` names what made it (ehrbs_test_…, ehrbs_bench_…), so a leftover is easy to place. */
export async function createTempDatabase(prefix = 'ehrbs_test'): Promise<TempDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const { client, url } = await adminClient();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return {
    url: url.replace(/\/postgres$/, `/${name}`),
    drop: async () => {
      const admin = await adminClient();
      await admin.client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.client.end();
    },
  };
}
