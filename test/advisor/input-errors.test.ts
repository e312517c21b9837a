// Inputs the impact model refuses fail the audit at once, with the advisor's AdviceInputError naming the input,
// before any browser starts: a scheduled audit with stored 1e300 sessions or real-user shares adding up to 2
// must not spend minutes of Lighthouse runs and then lose them.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdviceInputError, resolveInputs } from '../../src/advisor/index.ts';
import { runAudit } from '../../src/engine/run-audit.ts';

let server: Server;
let storeUrl: string;
let dir: string;
const agents: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    agents.push(String(req.headers['user-agent'] ?? ''));
    res.setHeader('content-type', 'text/html');
    res.end('<html><body><a href="/products/a">a</a></body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  storeUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  dir = await mkdtemp(join(tmpdir(), 'input-errors-'));
});

afterAll(async () => {
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

const BAD: [string, Parameters<typeof resolveInputs>[0], RegExp][] = [
  ['1e300 sessions', { monthlySessions: 1e300 }, /monthlySessions must be a number between 0 and 1000000000000, not 1e\+300/],
  ['NaN page views', { pageViews: { 'https://x.example/': Number.NaN } }, /pageViews\[https:\/\/x\.example\/\] must be a number/],
  ['negative page views', { pageViews: { 'https://x.example/': -5 } }, /pageViews\[https:\/\/x\.example\/\] must be a number between 0/],
  ['shares adding up to 2', { templateShares: { home: 1, product: 1 } }, /templateShares adds up to 2; shares must add up to 1/],
  ['currency XYZ', { currency: 'XYZ' }, /currency must be an ISO 4217 code like USD, not "XYZ"/],
];

describe('invalid advisor input', () => {
  it.each(BAD)('%s: resolveInputs throws an AdviceInputError naming the input', (_name, inputs, message) => {
    expect(() => resolveInputs(inputs)).toThrow(AdviceInputError);
    expect(() => resolveInputs(inputs)).toThrow(message);
  });

  it('fails runAudit before any audit runs or any browser loads a page', async () => {
    for (const [name, inputs, message] of BAD) {
      agents.length = 0;
      const error = await runAudit(storeUrl, { only: ['load'], artifactsDir: join(dir, 'a'), allowPrivateAddresses: true, inputs }).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(AdviceInputError);
      expect(String((error as Error).message), name).toMatch(message);
      // Discovery's plain HTTP requests only: Chromium (HeadlessChrome / Lighthouse's UA) never came.
      expect(agents.length, name).toBeGreaterThan(0);
      expect(agents.filter((a) => /Chrome|Lighthouse/i.test(a)), name).toEqual([]);
    }
  }, 60_000);
});
