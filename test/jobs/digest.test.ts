// The weekly digest, end to end on both queues (embedded SQLite, pg-boss on PostgreSQL): real jobs, the real
// advisor over the demo store's recorded reports, a real SMTP server (smtp-server). Off → no mail; on → one
// mail in the shop's language (Hebrew here, right to left), then none until a week has passed, then the
// week's change; a refused delivery is tried again after the next run.
import { once } from 'node:events';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adviseReport } from '../../src/advisor/index.ts';
import { DEMO_INPUTS } from '../../src/cli/demo-audit.ts';
import { formatMessage } from '../../src/i18n/format-message.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs-runtime.ts';
import { DIGEST_STATE, WEEK_DUE_MS } from '../../src/jobs/digest.ts';
import type { RunAuditFn } from '../../src/jobs/audit-job-handler.ts';
import { validateReport, type Report } from '../../src/report/schema.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { dropSchemas, PG_URL, QUEUE_BACKENDS, uniqueSchema } from './support/pg.ts';
import { waitFor } from './support/processes.ts';

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const recorded = (name: string): Report => validateReport(JSON.parse(readFileSync(new URL(`../fixtures/demo-${name}-report.json`, import.meta.url), 'utf8')));
const REPORTS = { defective: recorded('defective'), fixed: recorded('fixed') };
let next: keyof typeof REPORTS = 'defective';

/** The engine's last step on a recorded run: the real advisor prices the fixes, as runAudit does. */
const runAudit: RunAuditFn = async () => {
  const now = new Date().toISOString();
  return validateReport(adviseReport({ ...structuredClone(REPORTS[next]), startedAt: now, finishedAt: now, fixes: [] }, { ...DEMO_INPUTS }));
};

const FSI = '\u2068';
const PDI = '\u2069';
/** Text outside Unicode isolates: what the catalogue said, without the data (URLs, names) put into it. */
const outsideIsolates = (text: string) => text.replace(new RegExp(`${FSI}[^${PDI}]*${PDI}`, 'g'), '');

describe.each(QUEUE_BACKENDS)('weekly digest, $name', ({ pg }) => {
  const schema = uniqueSchema('t_digest');
  const shop = 'boutique.example';
  const mails: Mail[] = [];
  let refuseNext = false;
  let smtp: SMTPServer;
  let dir: string;
  let store: Store;
  let jobs: Jobs;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        simpleParser(stream).then((parsed) => {
          if (refuseNext) {
            refuseNext = false;
            callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 450 }));
            return;
          }
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: parsed.subject ?? '', text: parsed.text ?? '', html: String(parsed.html ?? '') });
          callback();
        }, (error: Error) => callback(error));
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    dir = mkdtempSync(join(tmpdir(), 'jobs-digest-'));
    store = pg ? await openStore({ url: PG_URL, schema, poolSize: 4 }) : await openStore({ url: `sqlite:${join(dir, 'db.sqlite')}` });
    jobs = await createJobs({
      store,
      logger: pino({ level: 'silent' }),
      runAudit,
      dataDir: dir,
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      alertFrom: 'Auditor <alerts@auditor.test>',
      allowPrivateAddresses: true,
      pollIntervalMs: 50,
      ...(pg ? { databaseUrl: PG_URL, pgBossSchema: `${schema}_boss`, superviseIntervalSeconds: 1, leaseSeconds: 10 } : {}),
    });
    await jobs.startWorker();
    await store.shops.upsert(shop, { storeUrl: 'http://127.0.0.1:4000/', name: 'Boutique', locale: 'he', timezone: 'Asia/Jerusalem' });
    await store.settings.set(shop, 'alertChannels', { email: 'owner@boutique.example' });
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop({ graceful: false });
    await store?.close();
    await new Promise<void>((done) => smtp.close(() => done()));
    if (pg) await dropSchemas(schema, `${schema}_boss`);
    rmSync(dir, { recursive: true, force: true });
  });

  /** One audit job through the queue, finished with its after-run work (alerts, digest). */
  async function audit(report: keyof typeof REPORTS) {
    next = report;
    const jobId = await jobs.queue.enqueue({ shop, storeUrl: 'http://127.0.0.1:4000/', triggeredBy: 'schedule' });
    expect(jobId).toBeTruthy();
    await waitFor('the job finished', async () => !(await jobs.queue.jobAlive(String(jobId))), 60_000);
    const [run] = (await store.runs.list(shop, { limit: 1 })).items;
    expect(run?.status).toBe('succeeded');
    return run!;
  }

  test('off: no mail', async () => {
    await audit('defective');
    expect(mails).toHaveLength(0);
  }, 90_000);

  test('on: one digest in the shop\'s language, right to left, with the score, the total at stake and the top fixes', async () => {
    await store.settings.set(shop, 'digest', { weekly: true });
    // The merchant ignored the audit's first priced fix: the digest proposes the next three, as the overview does.
    next = 'defective';
    const ignored = (await runAudit('http://127.0.0.1:4000/', {} as never)).fixes.find((f) => f.impact.revenuePerMonth.central > 0)!;
    await store.fixes.set(shop, ignored.id, 'ignored', {});
    const run = await audit('defective');
    await waitFor('the digest arrived', async () => mails.length === 1);
    const [mail] = mails;
    expect(mail!.to).toBe('owner@boutique.example');
    const report = (await store.runs.getReport(shop, run.id))!;
    expect(mail!.subject).toContain('הסיכום השבועי');
    expect(mail!.subject).toContain(String(report.loadTime!.storeScore));
    expect(mail!.html).toMatch(/<html lang="he" dir="rtl">/);
    expect(mail!.text).toContain(`מתוך ${report.fixes.length} התיקונים של הבדיקה, אחד סומן`);
    expect(mail!.text).not.toContain(ignored.text ? formatMessage(ignored.text.title, 'he') : ignored.title);
    const top = report.fixes.filter((f) => f.impact.revenuePerMonth.central > 0 && f.id !== ignored.id).slice(0, 3);
    expect(top.length).toBeGreaterThan(0);
    // Titles the advisor sends as messages are in Hebrew; the others are its English data, isolated.
    for (const fix of top) expect(mail!.text).toContain(fix.text ? formatMessage(fix.text.title, 'he') : `\u2068${fix.title}\u2069`);
    expect(mail!.text).toContain('על הכף');
    expect(mail!.text).toContain(formatMessage({ id: 'digest.footer' }, 'he'));
    // Only data (the URL, the shop's name, app names in fix titles) may be Latin text.
    expect(outsideIsolates(mail!.text)).not.toMatch(/[A-Za-z]{3,}/);
    const state = await store.settings.get<{ sentAt: string; runId: number }>(shop, DIGEST_STATE);
    expect(state?.runId).toBe(run.id);
  }, 90_000);

  test('not again within the week; a week later the change since the week began, and a refused delivery is retried', async () => {
    await audit('fixed');
    expect(mails).toHaveLength(1);

    const weekAgo = new Date(Date.now() - WEEK_DUE_MS - 60_000).toISOString();
    await store.settings.set(shop, DIGEST_STATE, { sentAt: weekAgo, runId: 0 });
    refuseNext = true;
    await audit('fixed');
    expect(mails).toHaveLength(1);
    expect((await store.settings.get<{ sentAt: string }>(shop, DIGEST_STATE))?.sentAt).toBe(weekAgo);

    const run = await audit('fixed');
    await waitFor('the second digest arrived', async () => mails.length === 2);
    const mail = mails[1]!;
    // The week's first audit scored the defective store; the latest the fixed one.
    const first = REPORTS.defective.loadTime!.storeScore!;
    const now = REPORTS.fixed.loadTime!.storeScore!;
    expect(mail.text).toMatch(new RegExp(`עלה ב־${now - first} נקודות`));
    expect(mail.text).toMatch(/נפתרו/);
    expect((await store.settings.get<{ runId: number }>(shop, DIGEST_STATE))?.runId).toBe(run.id);
  }, 120_000);
});
