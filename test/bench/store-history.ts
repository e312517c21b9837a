// How fast the admin's history queries are with a year of daily runs stored, on SQLite and PostgreSQL.
// Seeds 10 shops × 365 finished runs (20 fixes each), then times the queries the admin views make.
// Usage: npm run bench:store  (PostgreSQL at TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.ts';
import { makeReport } from '../store/fixtures/report.ts';

const SHOPS = 10;
const DAYS = 365;
const ITERATIONS = 200;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] as number;
}

async function seed(store: Store): Promise<void> {
  for (let day = 0; day < DAYS; day++) {
    const startedAt = new Date(Date.UTC(2025, 10, 23) + day * 86_400_000).toISOString();
    for (let s = 0; s < SHOPS; s++) {
      await store.runs.saveReport(`shop-${s}.myshopify.com`, makeReport({ fixes: 20, score: 40 + ((day + s) % 50), startedAt }));
    }
  }
}

async function time(label: string, fn: () => Promise<unknown>): Promise<{ label: string; median: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { label, median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

async function measure(name: string, options: StoreOptions) {
  const store = await openStore(options);
  const t0 = performance.now();
  await seed(store);
  const seedMs = performance.now() - t0;
  const shop = 'shop-3.myshopify.com';
  const latest = await store.runs.latest(shop);
  const results = [
    await time('runs.list (30)', () => store.runs.list(shop, { limit: 30 })),
    await time('runs.list (365, trend)', () => store.runs.list(shop, { limit: 365, status: 'succeeded' })),
    await time('runs.latest', () => store.runs.latest(shop)),
    await time('runs.getSection loadTime', () => store.runs.getSection(shop, latest!.id, 'loadTime')),
    await time('runs.getFixes (20)', () => store.runs.getFixes(shop, latest!.id)),
    await time('runs.getReport', () => store.runs.getReport(shop, latest!.id)),
  ];
  await store.close();
  console.log(`\n${name}: seeded ${SHOPS * DAYS} runs in ${(seedMs / 1000).toFixed(1)} s`);
  for (const r of results) console.log(`  ${r.label.padEnd(28)} median ${r.median.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms`);
  return results;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
const schema = `bench_store_${process.pid}`;
try {
  const sqlite = await measure('SQLite', { dataDir: dir });
  const postgres = await measure('PostgreSQL', { url: PG_URL, schema });
  console.log('\nPostgreSQL / SQLite median ratio:');
  sqlite.forEach((r, i) => console.log(`  ${r.label.padEnd(28)} ${((postgres[i]?.median ?? 0) / r.median).toFixed(2)}×`));
} finally {
  rmSync(dir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
