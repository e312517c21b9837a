// The cases issue 19 found answered wrongly, on the real server over a real SQLite file and a real PostgreSQL
// schema: ids beyond 64 bits, a NUL in a fix id, URL schemes, content types, a half-saved settings change,
// and the error body itself (stable code, request id, language, no stack). Each case failed on the code
// before the validation layer (500s on PostgreSQL, 200 {"saved":[]}, a partly saved change).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { validateReport, type Report } from '../../src/report/schema.ts';
import { createServer, type RunningServer } from '../../src/server/create-server.ts';
import { STANDALONE_SHOP } from '../../src/server/shop-context.ts';
import type { Store } from '../../src/store/index.ts';
import { BACKENDS, type TestBackend } from '../store/backends.ts';

const HUGE_IDS = ['99999999999999999999', '9223372036854775808', '9007199254740993', '-1', '1e3', '0x10', '1.5'];

describe.each(BACKENDS)('the HTTP boundary on %s', (_name, makeBackend) => {
  let backend: TestBackend;
  let store: Store;
  let dataDir: string;
  let running: RunningServer;
  let runId: number;
  let failAudit = false;
  const logs: Array<Record<string, unknown>> = [];
  const queued: string[] = [];

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });

  beforeAll(async () => {
    backend = makeBackend();
    store = await backend.open(backend.fresh());
    dataDir = await mkdtemp(join(tmpdir(), 'validation-'));
    const report: Report = validateReport(JSON.parse(await readFile(new URL('../fixtures/demo-defective-report.json', import.meta.url), 'utf8')));
    runId = (await store.runs.saveReport(STANDALONE_SHOP, report)).id;
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    const server = createServer({
      config: readConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }),
      logger: pino({ level: 'error' }, sink),
      store,
      lifecycle: {
        requestAudit: async (r) => {
          if (failAudit) throw new Error('queue exploded at /secret/path');
          queued.push(r.url);
        },
        stopSchedules: async () => undefined,
        deleteShopData: async () => undefined,
      },
    });
    running = await server.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await running?.close();
    await store?.close();
    await backend?.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ids beyond what any backend holds are 400, not 500', async () => {
    for (const id of HUGE_IDS) {
      for (const path of ['checkout', 'fixes', 'links', 'links.csv', 'pages']) {
        const response = await api(`/api/admin/${path}?run=${encodeURIComponent(id)}`);
        expect([path, id, response.status]).toEqual([path, id, 400]);
        expect((await response.json()).error).toMatchObject({ code: 'invalid_query', issues: expect.arrayContaining([expect.objectContaining({ in: 'query', path: 'run' })]) });
      }
      expect((await api(`/api/admin/runs?before=${encodeURIComponent(id)}`)).status).toBe(400);
      expect((await api(`/api/admin/runs/${encodeURIComponent(id)}/artifacts/x.png`)).status).toBe(400);
    }
    // The largest id that exists in JavaScript is still a valid question, with a plain "no such run".
    expect((await api(`/api/admin/runs/9007199254740991/artifacts/x.png`)).status).toBe(404);
    expect((await (await api(`/api/admin/pages?run=9007199254740991`)).json()).runId).toBeNull();
    expect((await (await api(`/api/admin/pages?run=${runId}`)).json()).runId).toBe(runId);
  });

  it('a NUL or an unpaired surrogate in a fix id is 400, and nothing is stored', async () => {
    for (const id of ['%00', 'a%00b', '%ED%A0%80', encodeURIComponent('x') + '%F0%9F']) {
      const response = await api(`/api/admin/fixes/${id}`, { method: 'PUT', body: JSON.stringify({ status: 'ignored' }) });
      expect([id, response.status]).toEqual([id, 400]);
      expect((await response.json()).error.code).toBe('invalid_params');
    }
    const lone = await api('/api/admin/fixes/x', { method: 'PUT', body: '{"status":"\\ud800"}' });
    expect(lone.status).toBe(400);
    expect((await lone.json()).error.issues[0]).toMatchObject({ code: 'invalid_text', path: 'status' });
    expect(await store.fixes.list(STANDALONE_SHOP)).toEqual([]);
  });

  it('an audit URL of another scheme is 400 naming the scheme', async () => {
    for (const [url, scheme] of [['ftp://x', 'ftp:'], ['file:///etc/passwd', 'file:'], ['javascript:alert(1)', 'javascript:'], ['data:text/html,hi', 'data:']]) {
      const response = await api('/api/audits', { method: 'POST', body: JSON.stringify({ url }) });
      expect([url, response.status]).toEqual([url, 400]);
      const { error } = await response.json();
      expect(error.code).toBe('unsupported_url_scheme');
      expect(error.message).toContain(scheme);
    }
    const notUrl = await api('/api/audits', { method: 'POST', body: JSON.stringify({ url: 'not a url' }) });
    expect((await notUrl.json()).error.code).toBe('invalid_url');
    expect(queued).toEqual([]);
    expect((await api('/api/audits', { method: 'POST', body: JSON.stringify({ url: 'https://shop.example' }) })).status).toBe(202);
    expect(queued).toEqual(['https://shop.example/']);
  });

  it('settings in any content type but JSON are 415 and save nothing', async () => {
    await store.settings.set(STANDALONE_SHOP, 'audit', { devices: 'desktop' });
    const body = JSON.stringify({ audit: { devices: 'mobile' } });
    const types: Array<[string, BodyInit, Record<string, string>]> = [
      ['text/plain', body, { 'content-type': 'text/plain' }],
      ['form', 'audit=mobile', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['multipart', '--b\r\nContent-Disposition: form-data; name="audit"\r\n\r\nmobile\r\n--b--\r\n', { 'content-type': 'multipart/form-data; boundary=b' }],
      ['xml', '<audit devices="mobile"/>', { 'content-type': 'application/xml' }],
      ['octet-stream', body, { 'content-type': 'application/octet-stream' }],
    ];
    for (const [name, payload, headers] of types) {
      const response = await fetch(`${running.url}/api/admin/settings`, { method: 'PUT', body: payload, headers });
      expect([name, response.status]).toEqual([name, 415]);
      expect((await response.json()).error.code).toBe('unsupported_media_type');
    }
    // No content type at all: fetch would add text/plain, so send raw bytes through a Blob without a type.
    const untyped = await fetch(`${running.url}/api/admin/settings`, { method: 'PUT', body: new Blob([body]) });
    expect(untyped.status).toBe(415);
    expect(await store.settings.get(STANDALONE_SHOP, 'audit')).toEqual({ devices: 'desktop' });
  });

  it('a settings change with one bad part (a NUL in the webhook URL) saves none of its parts', async () => {
    await store.settings.set(STANDALONE_SHOP, 'audit', { devices: 'desktop' });
    const response = await api('/api/admin/settings', {
      method: 'PUT',
      body: JSON.stringify({ audit: { devices: 'mobile' }, alertChannels: { webhookUrl: 'https://hooks.example/\u0000x' } }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0]).toMatchObject({ in: 'body', path: 'alertChannels.webhookUrl', code: 'invalid_text' });
    expect(await store.settings.get(STANDALONE_SHOP, 'audit')).toEqual({ devices: 'desktop' });
    expect(await store.settings.get(STANDALONE_SHOP, 'alertChannels')).toBeNull();
    // A good change saves all its parts.
    const ok = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ audit: { devices: 'mobile' }, alertChannels: { webhookUrl: 'https://hooks.example/x' } }) });
    expect(await ok.json()).toEqual({ saved: ['audit', 'alertChannels'] });
    expect(await store.settings.get(STANDALONE_SHOP, 'audit')).toEqual({ devices: 'mobile' });
  });

  it('store inputs the impact model would refuse (1e300 sessions, a 1e300 order, negative, a fraction of a session) are 400 and save nothing', async () => {
    await store.settings.set(STANDALONE_SHOP, 'storeInputs', { monthlySessions: 40_000 });
    for (const storeInputs of [{ monthlySessions: 1e300 }, { averageOrderValue: 1e300 }, { monthlySessions: -1 }, { monthlySessions: 10.5 }, { conversionRate: 101 }]) {
      const response = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ storeInputs }) });
      expect(response.status, JSON.stringify(storeInputs)).toBe(400);
      const field = Object.keys(storeInputs)[0];
      expect((await response.json()).error.issues[0], JSON.stringify(storeInputs)).toMatchObject({ in: 'body', path: `storeInputs.${field}` });
    }
    expect(await store.settings.get(STANDALONE_SHOP, 'storeInputs')).toEqual({ monthlySessions: 40_000 });
    const ok = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ storeInputs: { monthlySessions: 1e12, averageOrderValue: 65 } }) });
    expect(ok.status).toBe(200);
  });

  it('settings.setMany is one transaction: a value failing mid-way leaves every name as it was', async () => {
    await store.settings.set(STANDALONE_SHOP, 'budgets', { lcpMs: 2500 });
    const before = await store.settings.getAll(STANDALONE_SHOP);
    // The first name is written inside the transaction before the second one fails to serialise.
    await expect(store.settings.setMany(STANDALONE_SHOP, { budgets: { lcpMs: 1 }, storeInputs: { monthlySessions: 10n } })).rejects.toThrow();
    await expect(store.settings.setMany(STANDALONE_SHOP, { budgets: { lcpMs: 1 }, storeInputs: { note: 'a\u0000b' } })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await store.settings.getAll(STANDALONE_SHOP)).toEqual(before);
  });

  it('a report with a NUL or a lone surrogate in crawled text is stored (as U+FFFD), not lost', async () => {
    const report: Report = validateReport(JSON.parse(await readFile(new URL('../fixtures/demo-defective-report.json', import.meta.url), 'utf8')));
    const odd = structuredClone(report);
    odd.store.url = 'https://odd.example/';
    const fix = odd.fixes[0];
    if (fix) fix.title = `title with a NUL \u0000 and a lone \ud800 surrogate`;
    const saved = await store.runs.saveReport('odd.example', odd);
    const fixes = await store.runs.getFixes('odd.example', saved.id);
    if (fix) expect(fixes[0]?.title).toBe('title with a NUL \ufffd and a lone \ufffd surrogate');
  });

  it('error bodies: stable code, the request id of the header, the reader\'s language, never a stack', async () => {
    const badJson = await api('/api/admin/settings', { method: 'PUT', body: '{"audit":' });
    expect(badJson.status).toBe(400);
    const { error } = await badJson.json();
    expect(error).toMatchObject({ code: 'invalid_json', message: 'The request body is not valid JSON.', text: { id: 'errors.invalid_json' } });
    expect(error.requestId).toBe(badJson.headers.get('x-request-id'));

    const big = await api('/api/admin/settings', { method: 'PUT', body: JSON.stringify({ budgets: { x: 'a'.repeat(300_000) } }) });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('payload_too_large');

    const hebrew = await api('/api/nope', { headers: { 'accept-language': 'he-IL,he;q=0.9' } });
    expect(hebrew.status).toBe(404);
    expect((await hebrew.json()).error).toMatchObject({ code: 'not_found', message: 'אין נתיב API כזה.' });

    const traced = await api('/api/admin/overview', { headers: { 'x-request-id': 'proxy-id-12345' } });
    expect(traced.headers.get('x-request-id')).toBe('proxy-id-12345');

    const badPath = await api('/api/admin/fixes/%E0%A4%A', { method: 'PUT', body: '{"status":"done"}' });
    expect(badPath.status).toBe(400);
    expect((await badPath.json()).error.code).toBe('invalid_params');
  });

  it('a real fault is a 500 with the request id, logged with it, and nothing of the fault in the body', async () => {
    failAudit = true;
    try {
      const response = await api('/api/audits', { method: 'POST', body: JSON.stringify({ url: 'https://shop.example/' }) });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/exploded|secret|at .*\.ts/);
      const { error } = JSON.parse(text);
      expect(error.code).toBe('internal');
      expect(error.message).toContain(error.requestId);
      expect(logs.some((l) => l.requestId === error.requestId && l.msg === 'request failed')).toBe(true);
    } finally {
      failAudit = false;
    }
  });
});
