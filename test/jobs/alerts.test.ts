// Regression confirmation and alerts, end to end in embedded mode: the probe store's figures change between
// runs, alerts go to a real SMTP server (smtp-server) and a local webhook receiver, each is sent once, and a
// recovery notice follows when the condition clears. One noisy run never pages anyone.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type RunRecord, type Store } from '../../src/store/index.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { probeAudit } from './support/probe-audit.ts';
import { startProbeStore, type ProbeState, type ProbeStore } from './support/probe-store.ts';
import { waitFor } from './support/processes.ts';
import { auditSettled } from './support/audit-settled.ts';

interface Mail {
  to: string;
  subject: string;
  priority: string | null;
  text: string;
}
interface Hook {
  text: string;
  blocks: unknown[];
}

let probe: ProbeStore;
let dir: string;
let store: Store;
let jobs: Jobs;
let smtp: SMTPServer;
let hooks: Server;
let hookUrl: string;
const mails: Mail[] = [];
const webhooks: Hook[] = [];
let failNextHook = false;

beforeAll(async () => {
  probe = await startProbeStore();
  dir = mkdtempSync(join(tmpdir(), 'jobs-alerts-'));
  store = await openStore({ url: `sqlite:${join(dir, 'db.sqlite')}` });

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: parsed.subject ?? '',
            priority: String(parsed.headers.get('priority') ?? parsed.headers.get('x-priority') ?? ''),
            text: parsed.text ?? '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (failNextHook) {
        failNextHook = false;
        res.writeHead(500).end();
        return;
      }
      webhooks.push(JSON.parse(body) as Hook);
      res.writeHead(200).end('ok');
    });
  });
  hooks.listen(0, '127.0.0.1');
  await once(hooks, 'listening');
  hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;

  jobs = await createJobs({
    store,
    logger: pino({ level: 'silent' }),
    runAudit: probeAudit,
    dataDir: dir,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    alertFrom: 'Auditor <alerts@auditor.test>',
    allowPrivateAddresses: true,
    pollIntervalMs: 50,
  });
  await jobs.startWorker();
});

afterAll(async () => {
  await jobs.stop({ graceful: false });
  await store.close();
  await probe.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  hooks.closeAllConnections();
  hooks.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setUpShop(name: string, locale?: string): Promise<string> {
  const shop = `${name}.example`;
  await store.shops.upsert(shop, { storeUrl: probe.shopUrl(name), timezone: 'UTC', ...(locale && { locale }) });
  await store.settings.set(shop, 'alertChannels', { email: `owner@${shop}`, webhookUrl: hookUrl });
  return shop;
}

/** Runs one audit job (and the confirmation re-run it may queue) and waits until the queue is idle. */
const audit = (name: string, states: Array<Partial<ProbeState>>): Promise<RunRecord[]> => auditSettled({ store, jobs, probe }, name, states);

const mailsFor = (shop: string) => mails.filter((m) => m.to === `owner@${shop}`);
const hooksFor = (shop: string) => webhooks.filter((h) => h.text.includes(shop));

describe('regressions are confirmed by a re-run before anyone is alerted', () => {
  test('one noisy run: a confirmation re-run is queued, finds nothing, and no alert goes out', async () => {
    const shop = await setUpShop('noisy');
    for (let i = 0; i < 3; i++) await audit('noisy', [{ score: 90, lcpMs: 1500 }]);
    const runs = await audit('noisy', [{ score: 55, lcpMs: 4000 }, { score: 91, lcpMs: 1450 }]);
    expect(runs).toHaveLength(5);
    expect(runs[0]).toMatchObject({ triggeredBy: 'confirm', storeScore: 91 });
    expect(runs[0]?.options).toMatchObject({ confirmOf: runs[1]?.id });
    expect(mailsFor(shop)).toHaveLength(0);
    expect(hooksFor(shop)).toHaveLength(0);
  });

  test('a confirmed regression alerts once by email and webhook, stays quiet while it lasts, then recovers', async () => {
    const shop = await setUpShop('slow');
    for (let i = 0; i < 3; i++) await audit('slow', [{ score: 90, lcpMs: 1500 }]);
    const runs = await audit('slow', [{ score: 60, lcpMs: 4200 }, { score: 58, lcpMs: 4300 }]);
    expect(runs[0]?.triggeredBy).toBe('confirm');
    await waitFor('regression mail', async () => mailsFor(shop).length === 1);
    expect(mailsFor(shop)[0]?.subject).toMatch(/Storefront speed regressed/);
    expect(mailsFor(shop)[0]?.text).toMatch(/Store score: 58 \(usually 90\)/);
    expect(hooksFor(shop)).toHaveLength(1);
    expect(hooksFor(shop)[0]?.blocks.length).toBeGreaterThan(0);

    // Still slow: the baseline the alert was confirmed against still applies, so no second alert and no
    // false recovery although the slow runs now dominate the recent history.
    for (let i = 0; i < 3; i++) await audit('slow', [{ score: 59, lcpMs: 4250 }]);
    expect(mailsFor(shop)).toHaveLength(1);
    expect((await store.alerts.get(shop, 'regression'))?.state).toBe('firing');

    await audit('slow', [{ score: 90, lcpMs: 1500 }]);
    await waitFor('recovery mail', async () => mailsFor(shop).length === 2);
    expect(mailsFor(shop)[1]?.subject).toMatch(/^\[Resolved\] Storefront speed regressed/);
    expect(hooksFor(shop)).toHaveLength(2);
    expect((await store.alerts.get(shop, 'regression'))?.state).toBe('resolved');
  });
});

describe('alert conditions: each sent once, recovery once', () => {
  test('checkout stops reaching payment: an urgent alert, once, and a recovery notice', async () => {
    const shop = await setUpShop('checkout');
    await audit('checkout', [{ checkoutCompleted: true }]);
    await audit('checkout', [{ checkoutCompleted: false }]);
    await audit('checkout', [{ checkoutCompleted: false }]);
    expect(mailsFor(shop)).toHaveLength(1);
    expect(mailsFor(shop)[0]).toMatchObject({ subject: expect.stringMatching(/^\[URGENT\] Checkout no longer reaches payment/), priority: 'high' });
    expect(mailsFor(shop)[0]?.text).toMatch(/Could not test the checkout past step shipping: the auditor found no control it recognises/);
    expect(hooksFor(shop)[0]?.text).toMatch(/:rotating_light:/);
    await audit('checkout', [{ checkoutCompleted: true }]);
    expect(mailsFor(shop).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^\[URGENT\]/),
      expect.stringMatching(/^\[Resolved\] Checkout no longer reaches payment/),
    ]);
  });

  test('alerts are written in the shop\'s language: a Hebrew shop gets a Hebrew mail and webhook, URLs isolated', async () => {
    const shop = await setUpShop('hebrew', 'he');
    await audit('hebrew', [{ broken: [] }]);
    await audit('hebrew', [{ broken: [`${probe.url}/gone`] }]);
    await waitFor('Hebrew mail', async () => mailsFor(shop).length === 1);
    const mail = mailsFor(shop)[0] as Mail;
    expect(mail.subject).toMatch(/קישור שבור חדש אחד/);
    // Every Latin word is data: the shop, the URLs (isolated), nothing from a sentence.
    const latin = (text: string) => text.replace(/\u2068[^\u2069]*\u2069/g, '').match(/[A-Za-z]{2,}/g) ?? [];
    expect(latin(mail.subject)).toEqual([]);
    expect(latin(mail.text)).toEqual([]);
    expect(mail.text).toContain(`\u2068${probe.url}/gone\u2069`);
    expect(mail.text).toMatch(/נמצא בבדיקה מס׳/);
    expect(latin(hooksFor(shop)[0]?.text ?? '').filter((w) => w !== 'warning')).toEqual([]);
  });

  test('new broken links alert once per link; links broken before do not; recovery when the new ones are fixed', async () => {
    const shop = await setUpShop('links');
    const old = `${probe.url}/old-broken`;
    await audit('links', [{ broken: [old] }]);
    expect(mailsFor(shop)).toHaveLength(0);
    await audit('links', [{ broken: [old, `${probe.url}/a`] }]);
    await audit('links', [{ broken: [old, `${probe.url}/a`] }]);
    expect(mailsFor(shop)).toHaveLength(1);
    expect(mailsFor(shop)[0]?.subject).toMatch(/1 new broken link/);
    expect(mailsFor(shop)[0]?.text).toContain('/a (status 404)');
    expect(mailsFor(shop)[0]?.text).not.toContain('old-broken');
    await audit('links', [{ broken: [old, `${probe.url}/a`, `${probe.url}/b`] }]);
    expect(mailsFor(shop)).toHaveLength(2);
    expect(mailsFor(shop)[1]?.text).toContain('/b (status 404)');
    await audit('links', [{ broken: [old] }]);
    expect(mailsFor(shop)).toHaveLength(3);
    expect(mailsFor(shop)[2]?.subject).toMatch(/^\[Resolved\]/);
  });

  test('budget breach alerts once; a failed webhook delivery is tried again after the next run', async () => {
    const shop = await setUpShop('budget');
    await store.settings.set(shop, 'alertChannels', { webhookUrl: hookUrl });
    failNextHook = true;
    await audit('budget', [{ budgetBreached: true, lcpMs: 3100 }]);
    expect(hooksFor(shop)).toHaveLength(0);
    expect((await store.alerts.get(shop, 'budget'))?.lastNotifiedAt).toBeNull();
    await audit('budget', [{ budgetBreached: true, lcpMs: 3100 }]);
    expect(hooksFor(shop)).toHaveLength(1);
    expect(hooksFor(shop)[0]?.text).toMatch(/Performance budget breached/);
    await audit('budget', [{ budgetBreached: true, lcpMs: 3100 }]);
    expect(hooksFor(shop)).toHaveLength(1);
    await audit('budget', [{ budgetBreached: false }]);
    expect(hooksFor(shop)).toHaveLength(2);
    expect(hooksFor(shop)[1]?.text).toMatch(/Resolved/);
  });
});
