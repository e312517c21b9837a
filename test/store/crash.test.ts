// A worker killed with SIGKILL in the middle of saving a run leaves no half-written run, on both engines:
// the kill is aimed at a moment when the writer holds an open write transaction.
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, resolveStoreTarget, type StoreOptions } from '../../src/store/index.ts';
import { BACKENDS, PG_URL, type TestBackend } from './backends.ts';
import { spawnFixture } from './child.ts';

const FIXES = 2000;

/** True while another process holds SQLite's write lock, i.e. is inside a write transaction. */
function sqliteWriterBusy(path: string): boolean {
  const probe = new DatabaseSync(path, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if (/locked|busy/i.test((error as Error).message)) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/** True while the named connection is inside a transaction that already wrote run sections or fixes. */
async function postgresWriterBusy(client: pg.Client, app: string): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND backend_xid IS NOT NULL
       AND (query LIKE 'INSERT INTO run_sections%' OR query LIKE 'INSERT INTO run_fixes%')`,
    [app],
  );
  return rows.length > 0;
}

describe.each(BACKENDS)('SIGKILL mid-write on %s', (_name, makeBackend) => {
  const backend: TestBackend = makeBackend();
  afterAll(() => backend.cleanup());

  it('leaves only whole runs, and the interrupted one is marked on restart', async () => {
    const base = backend.fresh();
    const app = `crash_${process.pid}_${Date.now()}`;
    const options: StoreOptions = backend.name === 'postgres' ? { ...base, url: `${PG_URL}?application_name=${app}` } : base;
    const shop = 'crash.myshopify.com';
    const child = spawnFixture('crash-writer.ts', [JSON.stringify(options), shop, String(FIXES)]);
    const created: number[] = [];
    const saved: number[] = [];
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        const [what, id] = line.split(' ');
        if (what === 'created') created.push(Number(id));
        if (what === 'saved') saved.push(Number(id));
      }
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    const deadline = Date.now() + 60_000;
    while (saved.length < 2 && Date.now() < deadline && child.exitCode === null) await sleep(10);
    expect(saved.length, stderr).toBeGreaterThanOrEqual(2);

    // Wait for the writer to be inside a write transaction, then kill it there.
    const monitor = backend.name === 'postgres' ? new pg.Client({ connectionString: PG_URL }) : null;
    await monitor?.connect();
    const dbPath = resolveStoreTarget(options).location;
    let caughtMidWrite = false;
    while (!caughtMidWrite && Date.now() < deadline) {
      caughtMidWrite = monitor ? await postgresWriterBusy(monitor, app) : sqliteWriterBusy(dbPath);
      if (!caughtMidWrite) await sleep(1);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    await monitor?.end();
    expect(caughtMidWrite).toBe(true);

    const store = await openStore(base);
    try {
      const runs = (await store.runs.list(shop, { limit: 500 })).items;
      expect(runs.map((r) => r.id).sort((a, b) => a - b)).toEqual([...created].sort((a, b) => a - b));
      for (const id of saved) expect(runs.find((r) => r.id === id)?.status).toBe('succeeded');
      for (const run of runs) {
        const fixes = await store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM run_fixes WHERE run_id = ?', [run.id]);
        const sections = await store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM run_sections WHERE run_id = ?', [run.id]);
        if (run.status === 'succeeded') {
          expect([Number(fixes?.n), Number(sections?.n)]).toEqual([FIXES, 3]);
          expect((await store.runs.getReport(shop, run.id))?.fixes).toHaveLength(FIXES);
        } else {
          expect(run.status).toBe('running');
          expect([Number(fixes?.n), Number(sections?.n)]).toEqual([0, 0]);
        }
      }
      const unfinished = runs.filter((r) => r.status === 'running').length;
      expect(unfinished).toBeLessThanOrEqual(1);
      expect(await store.runs.markInterrupted()).toBe(unfinished);
      const after = (await store.runs.list(shop, { limit: 500 })).items;
      expect(after.every((r) => r.status === 'succeeded' || r.status === 'interrupted')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
