// The admin API's fault paths on the real server and a real SQLite store, with the real demo-store report
// fixture (test/fixtures, made by auditing the demo store). Bad input gets a clear error and changes nothing.
import { createServer as createHttpServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { validateReport, type Report } from '../../src/report/schema.ts';
import { createServer, type RunningServer } from '../../src/server/create-server.ts';
import { brokenLinksCsv } from '../../src/server/routes/admin-links.ts';
import { STANDALONE_SHOP } from '../../src/server/shop-context.ts';
import { openStore, type Store } from '../../src/store/index.ts';

let dataDir: string;
let store: Store;
let running: RunningServer;
let report: Report;
const requested: string[] = [];

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'admin-api-'));
  store = await openStore({ url: `sqlite:${join(dataDir, 'db.sqlite')}` });
  report = validateReport(JSON.parse(await readFile(new URL('../fixtures/demo-defective-report.json', import.meta.url), 'utf8')));
  const server = createServer({
    config: readConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }),
    logger: pino({ level: 'silent' }),
    store,
    lifecycle: { requestAudit: async (r) => void requested.push(r.url), stopSchedules: async () => undefined, deleteShopData: async () => undefined },
  });
  running = await server.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await running?.close();
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('admin API without any audit', () => {
  it('answers empty views, and refuses run-now without a storefront URL', async () => {
    const overview = await (await api('/api/admin/overview')).json();
    expect(overview).toMatchObject({ latest: null, trend: [], topFixes: [] });
    expect((await (await api('/api/admin/pages')).json()).runId).toBeNull();
    const run = await api('/api/admin/runs', { method: 'POST' });
    expect(run.status).toBe(409);
    expect((await run.json()).error).toMatchObject({ code: 'no_storefront_url', message: expect.stringMatching(/No storefront URL/) });
    expect(requested).toEqual([]);
  });
});

describe('admin API with a stored report', () => {
  let runId: number;
  let live: ReturnType<typeof createHttpServer>;
  let liveUrl: string;
  beforeAll(async () => {
    runId = (await store.runs.saveReport(STANDALONE_SHOP, report)).id;
    // A storefront that answers, so run-now's reachability check passes.
    live = createHttpServer((_req, res) => res.end('<!doctype html><title>shop</title>'));
    live.listen(0, '127.0.0.1');
    await once(live, 'listening');
    liveUrl = `http://127.0.0.1:${(live.address() as AddressInfo).port}/`;
  });
  afterAll(() => live?.close());

  it('the storefront URL is set in Settings (standalone), validated, and run-now audits it', async () => {
    const bad = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ storeUrl: 'ftp://nope' }) });
    expect(bad.status).toBe(400);
    const saved = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ storeUrl: liveUrl }) });
    expect(saved.status).toBe(200);
    const settings = await (await api('/api/admin/settings')).json();
    expect(settings).toMatchObject({ storeUrl: liveUrl, storeUrlEditable: true, audit: { devices: 'mobile' }, digest: { weekly: false } });
    const response = await api('/api/admin/runs', { method: 'POST' });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ queued: true, storeUrl: liveUrl, after: runId });
    expect(requested).toEqual([liveUrl]);
  });

  it('run-now refuses an unreachable storefront at once, with a stable code, and queues nothing', async () => {
    const closed = createHttpServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    closed.close();
    await store.shops.upsert(STANDALONE_SHOP, { storeUrl: deadUrl });
    const started = Date.now();
    const response = await api('/api/admin/runs', { method: 'POST' });
    expect(response.status).toBe(422);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(JSON.stringify(await response.json())).toMatch(/store_unreachable/);
    expect(requested).toEqual([liveUrl]);
    await store.shops.upsert(STANDALONE_SHOP, { storeUrl: liveUrl });
  });

  it('fix decisions: bad status 400, unknown fix 404, nothing stored', async () => {
    const bad = await api('/api/admin/fixes/x', { method: 'PUT', body: JSON.stringify({ status: 'maybe' }) });
    expect(bad.status).toBe(400);
    const unknown = await api('/api/admin/fixes/no-such-fix', { method: 'PUT', body: JSON.stringify({ status: 'done' }) });
    expect(unknown.status).toBe(404);
    expect(await store.fixes.list(STANDALONE_SHOP)).toEqual([]);
    // Marking a real fix done, and reading it back, is covered in the browser (admin-ui.test.ts).
  });

  it('settings: an invalid part is refused with its path and saves no part', async () => {
    const response = await api('/api/admin/settings', {
      method: 'PUT',
      body: JSON.stringify({ audit: { devices: 'mobile' }, alertChannels: { webhookUrl: 'ftp://nope' } }),
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_body');
    expect(error.issues.map((i: { path: string }) => i.path)).toContain('alertChannels.webhookUrl');
    expect(await store.settings.get(STANDALONE_SHOP, 'audit')).toBeNull();
  });

  it('settings: a schedule change without the jobs layer is refused (503)', async () => {
    const response = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ schedule: { every: 'weekly' } }) });
    expect(response.status).toBe(503);
    expect(await store.schedules.get(STANDALONE_SHOP, 'default')).toBeNull();
  });

  it('signed headers are stored, and their values never come back', async () => {
    const put = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ signedHeaders: [{ name: 'X-Preview-Token', value: 's3cret' }] }) });
    expect(put.status).toBe(200);
    const body = await (await api('/api/admin/settings')).text();
    expect(body).not.toContain('s3cret');
    expect(JSON.parse(body).signedHeaders).toEqual([{ name: 'X-Preview-Token', hasValue: true }]);
    const bad = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ signedHeaders: [{ name: 'bad header', value: 'x' }] }) });
    expect(bad.status).toBe(400);
  });

  it('test alert: 409 without a channel, 502 when the webhook fails, 200 when it answers', async () => {
    expect((await api('/api/admin/alerts/test', { method: 'POST' })).status).toBe(409);
    let status = 500;
    const received: unknown[] = [];
    const hook = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(status).end();
      });
    });
    hook.listen(0, '127.0.0.1');
    await once(hook, 'listening');
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ alertChannels: { webhookUrl: url } }) });
    const failed = await api('/api/admin/alerts/test', { method: 'POST' });
    expect(failed.status).toBe(502);
    expect((await failed.json()).results[0]).toMatchObject({ channel: 'webhook', delivered: false });
    status = 200;
    expect((await api('/api/admin/alerts/test', { method: 'POST' })).status).toBe(200);
    expect(received).toHaveLength(2);
    expect(JSON.stringify(received[1])).toContain('Test alert');
    hook.close();
  });

  it('run events: a bad cursor is 400; a finished newer run ends the stream with done', async () => {
    expect((await api('/api/admin/runs/events?after=abc')).status).toBe(400);
    const text = await (await api(`/api/admin/runs/events?after=${runId - 1}`)).text();
    expect(text).toMatch(/event: done\ndata: \{"id":\d+,"status":"succeeded"/);
  });

  it('run events: HEAD answers the stream\'s headers and ends, with no run to wait for (found by the fuzz test)', async () => {
    const response = await api('/api/admin/runs/events?after=81498681', { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toBe('');
  });

  it('artifacts: path escapes 400, unknown runs 404, non-images 400', async () => {
    expect((await api(`/api/admin/runs/${runId}/artifacts/..%2F..%2Fdb.png`)).status).toBe(400);
    expect((await api(`/api/admin/runs/999999/artifacts/checkout/01-cart.png`)).status).toBe(404);
    expect((await api(`/api/admin/runs/${runId}/artifacts/checkout/notes.txt`)).status).toBe(400);
    expect((await api(`/api/admin/runs/${runId}/artifacts/checkout/missing.png`)).status).toBe(404);
  });

  it('links: filters apply, CSV has a header and neutralises formulas', async () => {
    const all = await (await api('/api/admin/links')).json();
    const images = await (await api('/api/admin/links?kind=image')).json();
    expect(images.links.broken.every((l: { kind: string }) => l.kind === 'image')).toBe(true);
    expect(images.links.broken.length).toBeLessThanOrEqual(all.links.broken.length);
    const csv = await (await api('/api/admin/links.csv')).text();
    expect(csv.split('\r\n')[0]).toBe('url,status,error,kind,found_on');
    expect(csv.split('\r\n').length - 2).toBe(all.links.totalBroken);
    expect(brokenLinksCsv([{ url: '=HYPERLINK("x")', status: 404, error: null, kind: 'page', foundOn: ['a,b'] }])).toContain(`"'=HYPERLINK(""x"")",404,,page,"a,b"`);
  });
});
