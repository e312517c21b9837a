// Validation before any work: every bad flag and config problem in one run, exit 2, no request to the store,
// and none of the audit code (Lighthouse, Puppeteer) loaded. Child processes only where the process boundary
// is the point; the rest calls planAudit directly.
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planAudit, type AuditFlags } from '../../src/cli/audit-plan.ts';
import { formatMessage } from '../../src/i18n/format-message.ts';
import { resolveLoadTimeOptions } from '../../audits/load-time/options.ts';
import { RECORD_IMPORTS, runCli } from './support/run-cli.ts';
import pkg from '../../package.json' with { type: 'json' };

let server: Server;
let storeUrl: string;
let requests = 0;
let dir: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests += 1;
    res.end('<html></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  storeUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  dir = await mkdtemp(join(tmpdir(), 'cli-validation-'));
});

afterAll(async () => {
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function plan(flags: AuditFlags, url = 'https://example.com', cwd = dir) {
  const result = await planAudit(url, { config: false, ...flags }, { cwd, env: {} });
  return { ...result, lines: result.errors.map((e) => formatMessage(e, 'en', { isolate: false })) };
}

describe('storefront-audit audit: validation before any work', () => {
  it('reports every bad flag at once, exits 2, sends no request and loads no audit code', async () => {
    const run = await runCli(
      ['audit', storeUrl, '--currency', 'dollars', '--aov', '-3', '--max-pages', '-5', '--runs', '16', '--locale', 'xx', '--device', 'tablet', '--sessions', '1e300', '--frobnicate'],
      { cwd: dir, nodeArgs: ['--import', RECORD_IMPORTS] },
    );
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('storefront-audit: '));
    for (const expected of [/--currency .*"dollars"/, /--aov .*"-3"/, /--max-pages .*"-5"/, /--runs .*1 to 15.*"16"/, /--locale .*en, zh-CN, he, fa.*"xx"/, /--device .*"tablet"/, /--sessions .*"1e300"/, /unknown option --frobnicate/]) {
      expect(lines.some((l) => expected.test(l)), String(expected)).toBe(true);
    }
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(requests).toBe(0);
    const imported = run.stderr.match(/imported-packages: (.*)/)?.[1]?.split(',') ?? [];
    expect(imported).toContain('commander');
    for (const heavy of ['lighthouse', 'puppeteer-core', 'undici']) expect(imported).not.toContain(heavy);
    // Nor the config and report schemas: without a config file or a budget, zod (95 modules) stays unloaded.
    expect(imported).not.toContain('zod');
    expect(await readdir(dir)).toEqual([]);
  });

  it('--version prints the package version; --help loads no audit code either', async () => {
    const version = await runCli(['--version'], { nodeArgs: ['--import', RECORD_IMPORTS] });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    const help = await runCli(['audit', '--help'], { env: { LANG: 'he_IL.UTF-8' }, nodeArgs: ['--import', RECORD_IMPORTS] });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('אפשרויות:');
    expect(help.stdout).toContain('--allow-partial');
    expect(help.stderr).not.toMatch(/lighthouse|puppeteer/);
  });

  it('bounds --runs where the load-time audit does, so 16 fails before work instead of after', async () => {
    expect((await plan({ runs: '15' })).errors).toEqual([]);
    expect((await plan({ runs: '16' })).lines[0]).toMatch(/--runs must be a whole number from 1 to 15/);
    expect(() => resolveLoadTimeOptions({ runs: 15 })).not.toThrow();
    expect(() => resolveLoadTimeOptions({ runs: 16 })).toThrow();
  });

  it.each([
    [{ currency: 'usd' }, null],
    [{ currency: 'XYZ' }, /ISO 4217/],
    [{ conversionRate: '1.5' }, /--conversion-rate must be a number from 0 to 1/],
    [{ sessions: '12abc' }, /--sessions/],
    [{ aov: '0' }, /--aov must be a number greater than 0/],
    // The advisor's own bounds (AdviceInputError after the audit otherwise): 1e300 would make money Infinity.
    [{ sessions: '1e300' }, /--sessions must be a number from 0 to .*"1e300"/],
    [{ sessions: '-1' }, /--sessions must be a number from 0 to/],
    [{ sessions: 'NaN' }, /--sessions must be a number from 0 to/],
    [{ sessions: '1e12' }, null],
    [{ aov: '1e300' }, /--aov must be a number from 0 to .*"1e300"/],
    [{ aov: 'Infinity' }, /--aov must be a number greater than 0/],
    [{ locale: 'zh-cn' }, null],
    [{ only: 'links,speed' }, /--only: unknown "speed"/],
    [{ reporter: 'json,pdf' }, /--reporter: unknown "pdf"/],
    [{ json: '-', markdown: '-' }, /only one report can go to stdout/],
    [{ header: ['Bad Name: x'] }, /--header must look like/],
    [{ compare: '/nonexistent/last.json' }, /--compare: cannot read/],
    [{ budget: '/nonexistent/budget.json' }, /cannot read .*budget\.json/],
  ] as [AuditFlags, RegExp | null][])('flags %j', async (flags, error) => {
    const result = await plan(flags);
    if (error === null) expect(result.lines).toEqual([]);
    else expect(result.lines.join('\n')).toMatch(error);
  });

  it('refuses a URL that is not a store URL', async () => {
    expect((await plan({}, 'ftp://example.com')).lines[0]).toMatch(/not an http\(s\) URL/);
    expect((await plan({}, 'nohost')).lines[0]).toMatch(/no valid host name/);
  });

  it('finds the config file in the working directory or a parent, up to the repository root; --config wins; --no-config skips it', async () => {
    const repo = join(dir, 'repo');
    const deep = join(repo, 'packages', 'shop');
    await mkdir(join(repo, '.git'), { recursive: true });
    await mkdir(deep, { recursive: true });
    await writeFile(join(repo, 'storefront-audit.config.json'), JSON.stringify({ runs: 5, only: ['links'], inputs: { currency: 'eur' }, outputDir: 'out' }));
    await writeFile(join(dir, '.storefrontauditrc.json'), JSON.stringify({ runs: 7 }));
    const found = await planAudit('https://example.com', {}, { cwd: deep, env: {} });
    expect(found.plan?.configFile).toBe(join(repo, 'storefront-audit.config.json'));
    expect(found.plan?.runs).toBe(5);
    expect(found.plan?.ran).toEqual(['links']);
    expect(found.plan?.inputs.currency).toBe('EUR');
    // Paths in a config file are relative to the file, not to where the CLI runs.
    expect(found.plan?.artifactsDir).toBe(join(repo, 'out', 'artifacts'));
    expect((await planAudit('https://example.com', { runs: '2' }, { cwd: deep, env: {} })).plan?.runs).toBe(2);
    const explicit = await planAudit('https://example.com', { config: join(dir, '.storefrontauditrc.json') }, { cwd: deep, env: {} });
    expect(explicit.plan?.runs).toBe(7);
    expect((await planAudit('https://example.com', { config: false }, { cwd: deep, env: {} })).plan?.configFile).toBeUndefined();
  });

  it('reports every problem of a config file, each on its own line with its path', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        runs: 16,
        inputs: { currency: 'dollars', averageOrderValue: -3, monthlySessions: 1e300 },
        locale: 'xx',
        colour: 'red',
        assertions: { 'largest-contentful-paint': ['error', { minScore: 0.9 }], 'first-paint': 'warn', 'broken-links': ['fatal'] },
        budget: [{ path: 'products', timings: [{ metric: 'interactive', budget: 3000 }], resourceSizes: [{ resourceType: 'script', budget: 300 }] }],
      }),
    );
    const { lines } = await plan({ config: file });
    const joined = lines.join('\n');
    for (const path of ['runs', 'inputs.currency', 'inputs.averageOrderValue', 'inputs.monthlySessions', 'locale', '(root)', 'assertions.largest-contentful-paint', 'assertions.first-paint', 'assertions.broken-links', 'budget.0.path', 'budget.0.timings.0.metric', 'budget.0.resourceSizes']) {
      expect(joined, path).toContain(`bad.json: ${path}`);
    }
    expect(lines.length).toBeGreaterThanOrEqual(12);
  });

  it('accepts Lighthouse budget.json timings and our own budget format', async () => {
    const lighthouse = join(dir, 'budget.json');
    await writeFile(lighthouse, JSON.stringify([{ path: '/', timings: [{ metric: 'largest-contentful-paint', budget: 2500 }] }, { path: '/products/*', timings: [{ metric: 'total-blocking-time', budget: 300 }] }]));
    const result = await plan({ budget: lighthouse });
    expect(result.errors).toEqual([]);
    expect(result.plan?.specs.map((s) => [s.id, s.expected, s.path ?? '/'])).toEqual([
      ['largest-contentful-paint', 2500, '/'],
      ['total-blocking-time', 300, '/products/*'],
    ]);
    const ours = join(dir, 'ours.json');
    await writeFile(ours, JSON.stringify({ templates: { 'product:mobile': { lcpMs: 3000 } }, maxBrokenLinks: 0 }));
    expect((await plan({ budget: ours })).plan?.specs.map((s) => s.rule)).toEqual(['lcpMs (product:mobile)', 'maxBrokenLinks']);
  });
});
