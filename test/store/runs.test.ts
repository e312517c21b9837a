// Runs on both engines: atomic report save, rollback on failure, pagination, latest, interruption.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable, Store } from '../../src/store/index.ts';
import { BACKENDS, type TestBackend } from './backends.ts';
import { makeReport } from './fixtures/report.ts';

describe.each(BACKENDS)('runs on %s', (_name, makeBackend) => {
  let backend: TestBackend;
  let store: Store;
  const shop = 'runs-a.myshopify.com';

  beforeAll(async () => {
    backend = makeBackend();
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend?.cleanup();
  });

  async function countRows(table: string, runId: number): Promise<number> {
    const row = await store.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE run_id = ?`, [runId]);
    return Number(row?.n);
  }

  it('saves a finished report with its run row and fixes, and reads back the same report', async () => {
    const report = makeReport({ fixes: 4 });
    const run = await store.runs.saveReport(shop, report, { triggeredBy: 'cli' });
    expect(run.status).toBe('succeeded');
    expect(run.storeScore).toBe(62);
    expect(run.durationMs).toBe(65_000);
    expect(run.summary?.groups['home/mobile']?.lcpMs).toBe(3100);
    expect(run.summary?.brokenLinks).toBe(1);
    expect(run.summary?.fixCount).toBe(4);
    expect(await store.runs.getReport(shop, run.id)).toEqual(report);
    expect((await store.runs.getFixes(shop, run.id)).map((f) => f.id)).toEqual(['fix-0', 'fix-1', 'fix-2', 'fix-3']);
    expect(await store.runs.getSection(shop, run.id, 'links')).toEqual(report.links);
    expect(await store.runs.getSection(shop, run.id, 'checkout')).toBeNull();
  });

  it('create → complete moves a running run to succeeded and refuses to complete it twice', async () => {
    const run = await store.runs.create({ shop, storeUrl: 'http://127.0.0.1:4000/', triggeredBy: 'schedule', jobId: 'job-1' });
    expect(run.status).toBe('running');
    expect(await countRows('run_sections', run.id)).toBe(0);
    const done = await store.runs.complete(shop, run.id, makeReport({ fixes: 2 }));
    expect(done).toMatchObject({ status: 'succeeded', jobId: 'job-1', triggeredBy: 'schedule' });
    await expect(store.runs.complete(shop, run.id, makeReport({ fixes: 2 }))).rejects.toMatchObject({ code: 'invalid-state' });
    expect(await countRows('run_fixes', run.id)).toBe(2);
  });

  it('rolls back the whole run when one fix violates a constraint mid-transaction', async () => {
    const run = await store.runs.create({ shop, storeUrl: 'http://127.0.0.1:4000/' });
    // Two fixes with the same id break run_fixes' primary key after the run row and sections were written.
    const report = makeReport({ fixIds: ['dup', 'ok', 'dup'] });
    await expect(store.runs.complete(shop, run.id, report)).rejects.toThrow();
    const after = await store.runs.get(shop, run.id);
    expect(after?.status).toBe('running');
    expect(after?.summary).toBeNull();
    expect(await countRows('run_sections', run.id)).toBe(0);
    expect(await countRows('run_fixes', run.id)).toBe(0);

    const before = await store.runs.list(shop, { limit: 500 });
    await expect(store.runs.saveReport(shop, makeReport({ fixIds: ['x', 'x'] }))).rejects.toThrow();
    const afterList = await store.runs.list(shop, { limit: 500 });
    expect(afterList.items.length).toBe(before.items.length);
  });

  it('rejects an invalid report with a clear error and writes nothing', async () => {
    const run = await store.runs.create({ shop, storeUrl: 'http://127.0.0.1:4000/' });
    const bad = { ...makeReport(), schemaVersion: 2 } as unknown as ReturnType<typeof makeReport>;
    await expect(store.runs.complete(shop, run.id, bad)).rejects.toThrow(/schemaVersion/);
    expect((await store.runs.get(shop, run.id))?.status).toBe('running');
    await expect(store.runs.complete(shop, 999_999, makeReport())).rejects.toMatchObject({ code: 'not-found' });
  });

  it('marks running runs interrupted, optionally only one worker’s', async () => {
    const other = 'runs-interrupt.myshopify.com';
    const a = await store.runs.create({ shop: other, storeUrl: 'http://x/', workerId: 'w1' });
    const b = await store.runs.create({ shop: other, storeUrl: 'http://x/', workerId: 'w2' });
    expect(await store.runs.markInterrupted({ workerId: 'w1' })).toBe(1);
    expect((await store.runs.get(other, a.id))?.status).toBe('interrupted');
    expect((await store.runs.get(other, b.id))?.status).toBe('running');
    expect(await store.runs.markInterrupted()).toBeGreaterThanOrEqual(1);
    expect((await store.runs.get(other, b.id))?.status).toBe('interrupted');
    const retried = await store.runs.start(other, a.id, { workerId: 'w3' });
    expect(retried).toMatchObject({ status: 'running', workerId: 'w3', attempts: 2 });
    const failed = await store.runs.fail(other, a.id, 'Chrome hung');
    expect(failed).toMatchObject({ status: 'failed', error: 'Chrome hung' });
  });

  it('paginates history newest first with a cursor, and finds the latest succeeded run', async () => {
    const paged = 'runs-paged.myshopify.com';
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await store.runs.saveReport(paged, makeReport({ fixes: 1, score: 50 + i }))).id);
    await store.runs.create({ shop: paged, storeUrl: 'http://x/' });
    const seen: number[] = [];
    let cursor: number | undefined;
    let pages = 0;
    do {
      const page = await store.runs.list(paged, { limit: 3, before: cursor, status: 'succeeded' });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    expect((await store.runs.latest(paged))?.id).toBe(ids[6]);
    expect((await store.runs.latest(paged))?.storeScore).toBe(56);
    expect((await store.runs.latest(paged, { status: 'any' }))?.status).toBe('running');
    expect((await store.runs.list(paged, { limit: 100 })).items).toHaveLength(8);
  });

  it('deletes finished runs past retention together with their sections and fixes', async () => {
    const old = 'runs-retention.myshopify.com';
    const run = await store.runs.saveReport(old, makeReport({ fixes: 2 }));
    const live = await store.runs.create({ shop: old, storeUrl: 'http://x/' });
    const deleted = await store.runs.deleteFinishedBefore(new Date(Date.now() + 60_000));
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await store.runs.get(old, run.id)).toBeNull();
    expect(await countRows('run_fixes', run.id)).toBe(0);
    expect(await countRows('run_sections', run.id)).toBe(0);
    expect((await store.runs.get(old, live.id))?.status).toBe('running');
  });

  it('refuses a query on the store from inside a transaction instead of hanging or escaping it', async () => {
    const guarded = 'runs-guard.myshopify.com';
    await expect(
      store.db.transaction(async (tx) => {
        await tx.run("INSERT INTO settings (shop, name, value, updated_at) VALUES (?, 'x', '1', ?)", [guarded, new Date().toISOString()]);
        await store.runs.list(guarded);
      }),
    ).rejects.toMatchObject({ code: 'invalid-state' });
    // The transaction was rolled back, and the store still works afterwards.
    expect(await store.settings.get(guarded, 'x')).toBeNull();
    let leaked: Queryable | undefined;
    await store.db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.run('DELETE FROM settings')).rejects.toThrow(/transaction already ended/);
  });

  it('keeps fields added to the report later (additive schema) through a save', async () => {
    const report = { ...makeReport(), inputs: { sessions: 1000, aov: 80 }, budget: { breaches: [{ rule: 'lcp', limit: 2500, actual: 3100 }] } };
    const run = await store.runs.saveReport(shop, report);
    expect(await store.runs.getReport(shop, run.id)).toEqual(report);
    expect(run.summary?.budgetBreaches).toBe(1);
  });
});
