// The CLI end to end on the demo store, the way an agency runs it in CI: reports written, budget enforced
// through the exit code, before/after through --compare.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { runCli } from './support/run-cli.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { validateReport } from '../../src/report/schema.ts';

let store: DemoStore;
let dir: string;

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['src/cli/main.ts', ...args], { env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  store = await startDemoStore();
  dir = await mkdtemp(join(tmpdir(), 'cli-audit-'));
});

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('storefront-audit audit on the demo store', () => {
  it('writes a valid JSON and HTML report, exits 0, and exits 1 when a budget is breached', async () => {
    const json = join(dir, 'links.json');
    const html = join(dir, 'links.html');
    const ok = await cli('audit', store.url, '--only', 'links', '--json', json, '--html', html, '--sessions', '20000', '--aov', '60', '--currency', 'eur');
    expect(ok.stderr).toMatch(/Links: \d+ broken/);
    expect(ok.code).toBe(0);
    const report = validateReport(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.loadTime).toBeNull();
    expect(report.checkout).toBeNull();
    expect(report.links?.broken.length).toBeGreaterThan(0);
    expect(report.fixes.every((f) => f.impact.revenuePerMonth.currency === 'EUR')).toBe(true);
    expect(readFileSync(html, 'utf8').toLowerCase()).toContain('<!doctype html>');
    expect(ok.stderr).not.toMatch(/\n\s+at /);

    const budget = join(dir, 'budget.json');
    await writeFile(budget, JSON.stringify({ maxBrokenLinks: 0 }));
    store.resetTransient();
    const breached = await cli('audit', store.url, '--only', 'links', '--budget', budget, '--json', join(dir, 'breach.json'), '--compare', json);
    expect(breached.code).toBe(1);
    expect(breached.stderr).toMatch(/x error maxBrokenLinks: \d+, limit <= 0/);
    const second = validateReport(JSON.parse(readFileSync(join(dir, 'breach.json'), 'utf8')));
    expect(second.budget?.breaches.map((b) => b.rule)).toContain('maxBrokenLinks');
    expect(second.comparison?.outcomes.length).toBe(report.fixes.length);
    expect(existsSync(join(dir, 'breach.json'))).toBe(true);
  }, 180_000);

  it('refuses a malformed budget file with exit 2 and one line', async () => {
    const budget = join(dir, 'bad-budget.json');
    await writeFile(budget, '{"maxBrokenLinks": -3}');
    const result = await cli('audit', store.url, '--only', 'links', '--budget', budget);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/maxBrokenLinks/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('leaves the working directory and the temp directory untouched after --only links --json -', async () => {
    const cwd = join(dir, 'clean-cwd');
    const tmp = join(dir, 'clean-tmp');
    await mkdir(cwd);
    await mkdir(tmp);
    store.resetTransient();
    const run = await runCli(['audit', store.url, '--only', 'links', '--json', '-', '--no-config'], { cwd, env: { TMPDIR: tmp } });
    expect(run.code).toBe(0);
    expect(validateReport(JSON.parse(run.stdout)).links).not.toBeNull();
    // Progress: each line has the elapsed time and the share done, weighted by expected duration, never going back.
    const shares = [...run.stderr.matchAll(/^\[\s*[\dm.]+s\s+(\d+)%\] (.*)$/gm)].map((m) => [Number(m[1]), m[2]!] as const);
    expect(shares.length).toBeGreaterThanOrEqual(4);
    expect(shares.map(([share]) => share)).toEqual(shares.map(([share]) => share).sort((a, b) => a - b));
    expect(shares.at(-1)).toEqual([100, 'Broken links: done']);
    expect(await readdir(cwd)).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
  }, 120_000);

  it('a browserless run exits 3, and 1 with a budget on the page that could not be measured; reports land in --output-dir', async () => {
    const cwd = join(dir, 'browserless');
    await mkdir(cwd);
    await writeFile(join(cwd, 'budget.json'), JSON.stringify([{ path: '/', timings: [{ metric: 'largest-contentful-paint', budget: 2500 }] }]));
    const env = { CHROME_PATH: join(dir, 'no-such-chromium'), TMPDIR: cwd };
    const args = ['audit', store.url, '--only', 'load', '--runs', '1', '--max-pages', '3', '--no-config'];
    const partial = await runCli(args, { cwd, env });
    expect(partial.code).toBe(3);
    expect(partial.stderr).toMatch(/Could not test:/);
    expect(partial.stderr).toMatch(/exit 3/);
    const breached = await runCli([...args, '--budget', 'budget.json', '--allow-partial', '--reporter', 'junit,markdown', '--output-dir', 'out'], { cwd, env });
    expect(breached.code).toBe(1);
    expect(breached.stderr).toMatch(/\? error largest-contentful-paint/);
    expect(readFileSync(join(cwd, 'out', 'junit.xml'), 'utf8')).toMatch(/<failure type="not-measured"/);
    expect(readFileSync(join(cwd, 'out', 'report.md'), 'utf8')).toMatch(/### Could not test/);
    expect((await readdir(cwd)).sort()).toEqual(['budget.json', 'out']);
    // A checkout the auditor's browser never started is the auditor's gap, never blamed on the store.
    const checkout = await runCli(['audit', store.url, '--only', 'checkout', '--no-config'], { cwd, env });
    expect(checkout.code).toBe(3);
    expect(checkout.stderr).toMatch(/the auditor itself failed/);
    expect(checkout.stderr).not.toMatch(/the store answered with an error/);
  }, 120_000);

  it("starts Chromium under a long TMPDIR (macOS's /var/folders/…/T/ or a CI workspace), where its socket path would be too long", async () => {
    // 60 bytes: with our directory and Chromium's org.chromium.Chromium.XXXXXX/SingletonSocket that passes
    // a Unix socket path's limit, and Chromium refused to start ("Socket path too long").
    const tmp = join(dir, 'long-tmpdir-'.padEnd(60 - dir.length - 1, 'x'));
    await mkdir(tmp);
    store.resetTransient();
    const run = await runCli(['audit', store.url, '--only', 'checkout', '--no-config', '--json', '-'], { env: { TMPDIR: tmp } });
    expect(run.code, run.stderr).toBe(0);
    expect(validateReport(JSON.parse(run.stdout)).checkout?.completed).toBe(true);
    expect(await readdir(tmp)).toEqual([]);
  }, 120_000);

  it('removes its temporary files when interrupted with Ctrl-C (SIGINT) mid-audit', async () => {
    const tmp = join(dir, 'sigint-tmp');
    await mkdir(tmp);
    store.resetTransient();
    let sent = false;
    const run = await runCli(['audit', store.url, '--only', 'checkout', '--no-config'], {
      env: { TMPDIR: tmp },
      onStderr: (chunk, child) => {
        // Once the checkout journey is under way, Chromium and its profile exist.
        if (!sent && /Checkout: starting|checkout/i.test(chunk)) {
          sent = true;
          setTimeout(() => child.kill('SIGINT'), 1500);
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    expect(await readdir(tmp)).toEqual([]);
  }, 120_000);
});
