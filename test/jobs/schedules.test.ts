// Scheduling: the default daily slot spreads 10,000 shops evenly over the off-peak window, schedules are
// validated by cron-parser, fire once per slot, are registered with pg-boss's cron in scale-out mode, and an
// uninstall stops them at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { createEmbeddedQueue } from '../../src/jobs/embedded-queue.ts';
import { createPgBossQueue } from '../../src/jobs/pgboss-queue.ts';
import { fireDueSchedules } from '../../src/jobs/embedded-scheduler.ts';
import { cronFor, nextRunAt, OFF_PEAK_HOURS, OFF_PEAK_START_HOUR, ScheduleError } from '../../src/jobs/schedule-plan.ts';
import { planSpread } from '../../src/jobs/schedule-spread.ts';
import { ensureDefaultSchedule, listSchedules, removeSchedule, setSchedule, stopShop } from '../../src/jobs/schedules-api.ts';
import { AUDIT_QUEUE } from '../../src/jobs/audit-job.ts';
import { dropSchemas, PG_URL, uniqueSchema } from './support/pg.ts';

const logger = pino({ level: 'silent' });
let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobs-schedules-'));
  store = await openStore({ url: `sqlite:${join(dir, 'db.sqlite')}` });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('default schedule spread', () => {
  test('10,000 shops in one time zone: no off-peak hour holds more than 2x the average, no minute is a pile-up', () => {
    const shops = Array.from({ length: 10_000 }, (_, i) => `shop-${i}.myshopify.com`);
    const spread = planSpread(shops.map((shop) => ({ shop, timezone: 'America/New_York' })));
    expect(spread.maxHourOverAverage).toBeLessThanOrEqual(2);
    expect(spread.maxHourOverAverage).toBeLessThan(1.2);
    // 10,000 over 300 minutes is 33 a minute on average; a hash spread stays well below 2x that.
    expect(spread.maxPerMinute).toBeLessThan(2 * (10_000 / (OFF_PEAK_HOURS * 60)));
    expect(spread.localHours.every((h) => h >= OFF_PEAK_START_HOUR && h < OFF_PEAK_START_HOUR + OFF_PEAK_HOURS)).toBe(true);
  });

  test('10,000 shops across time zones: no UTC hour of the day holds more than 2x the average', () => {
    const zones = ['America/Los_Angeles', 'America/Chicago', 'America/New_York', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin',
      'Europe/Istanbul', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney'];
    const shops = Array.from({ length: 10_000 }, (_, i) => ({ shop: `s${i}.myshopify.com`, timezone: zones[i % zones.length] as string }));
    expect(planSpread(shops).maxUtcHourOverAverage).toBeLessThanOrEqual(2);
  });

  test('the slot is stable for a shop and differs between shops', () => {
    expect(cronFor('daily', 'a.myshopify.com')).toBe(cronFor('daily', 'a.myshopify.com'));
    const crons = new Set(Array.from({ length: 50 }, (_, i) => cronFor('daily', `shop${i}.myshopify.com`)));
    expect(crons.size).toBeGreaterThan(40);
    expect(cronFor('weekly', 'a.myshopify.com')).toMatch(/^\d+ \d+ \* \* [0-6]$/);
  });

  test('bad input gets a clear error', () => {
    expect(() => cronFor('hourly-ish', 's')).toThrow(ScheduleError);
    expect(() => cronFor('61 3 * * *', 's')).toThrow(/invalid cron expression "61 3 \* \* \*"/);
    expect(() => cronFor('*/5 * * * *', 's')).toThrow(/more often than every 60 minutes/);
    expect(() => cronFor('daily', 's', 'Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(cronFor('0 4 * * 1', 's', 'Europe/Berlin')).toBe('0 4 * * 1');
  });

  test('next run is computed in the shop time zone', () => {
    const next = nextRunAt('30 2 * * *', 'Asia/Tokyo', new Date('2026-06-01T00:00:00Z'));
    expect(next.toISOString()).toBe('2026-06-01T17:30:00.000Z');
  });
});

describe('schedules API in embedded mode', () => {
  test('set, list, fire once per slot, remove; uninstall stops the shop at once', async () => {
    const queue = createEmbeddedQueue({ store, logger });
    const deps = { store, queue };
    await store.shops.upsert('tz.example', { storeUrl: 'https://tz.example/', timezone: 'Europe/Berlin' });
    const created = await ensureDefaultSchedule(deps, 'tz.example');
    expect(created).toMatchObject({ name: 'default', timezone: 'Europe/Berlin', every: 'daily', enabled: true, storeUrl: 'https://tz.example/' });
    expect(await ensureDefaultSchedule(deps, 'tz.example')).toMatchObject({ id: created.id, cron: created.cron });

    const weekly = await setSchedule(deps, { shop: 'tz.example', name: 'weekly-links', every: '0 3 * * 1', only: ['links'] });
    expect(weekly.cron).toBe('0 3 * * 1');
    await expect(setSchedule(deps, { shop: 'tz.example', every: 'every day' })).rejects.toThrow(ScheduleError);
    expect((await listSchedules(deps, 'tz.example')).map((s) => s.name)).toEqual(['default', 'weekly-links']);

    // Fire the default schedule's slot: one job, and the same slot never fires twice.
    const due = new Date(Date.parse(created.nextRunAt as string) + 1000);
    expect(await fireDueSchedules(store, queue, logger, due)).toBe(1);
    expect(await fireDueSchedules(store, queue, logger, due)).toBe(0);
    const queued = await store.jobs.list({ shop: 'tz.example', status: 'queued' });
    expect(queued).toHaveLength(1);
    expect(queued[0]?.payload).toMatchObject({ triggeredBy: 'schedule', storeUrl: 'https://tz.example/' });

    expect(await removeSchedule(deps, 'tz.example', 'weekly-links')).toBe(true);
    await store.shops.markUninstalled('tz.example');
    expect(await stopShop(deps, 'tz.example')).toEqual({ schedules: 1, cancelledJobs: 1 });
    expect((await listSchedules(deps, 'tz.example')).every((s) => !s.enabled)).toBe(true);
    expect(await fireDueSchedules(store, queue, logger, new Date(Date.now() + 3 * 86_400_000))).toBe(0);
    await expect(setSchedule(deps, { shop: 'tz.example', every: 'daily' })).rejects.toThrow(/uninstalled/);
  });
});

describe('schedules in scale-out mode use pg-boss cron', () => {
  const schema = uniqueSchema('t_jobs_sched');
  let pgStore: Store;
  afterAll(async () => {
    await pgStore?.close();
    await dropSchemas(schema, `${schema}_boss`);
  });

  test('a schedule is registered with pg-boss (time zone, key per shop schedule) and removed on uninstall', async () => {
    pgStore = await openStore({ url: PG_URL, schema, poolSize: 2 });
    const queue = await createPgBossQueue({ databaseUrl: PG_URL, schema: `${schema}_boss`, logger, schedule: false });
    try {
      const deps = { store: pgStore, queue };
      await pgStore.shops.upsert('pg.example', { storeUrl: 'https://pg.example/', timezone: 'Asia/Tokyo' });
      const schedule = await ensureDefaultSchedule(deps, 'pg.example');
      const boss = new PgBoss({ connectionString: PG_URL, schema: `${schema}_boss` });
      await boss.start();
      try {
        const registered = await boss.getSchedules(AUDIT_QUEUE);
        expect(registered).toHaveLength(1);
        expect(registered[0]).toMatchObject({ key: 'pg.example/default', cron: schedule.cron, timezone: 'Asia/Tokyo' });
        expect(registered[0]?.data).toMatchObject({ shop: 'pg.example', triggeredBy: 'schedule' });
        await stopShop(deps, 'pg.example');
        expect(await boss.getSchedules(AUDIT_QUEUE)).toHaveLength(0);
      } finally {
        await boss.stop({ graceful: false });
      }
    } finally {
      await queue.stop({ graceful: false });
    }
  });
});
