// Before every navigation Lighthouse measures the host's CPU (BenchmarkIndex) with a busy loop of a full second in
// the tab. The value only labels the result (lhr.environment.benchmarkIndex and a slow-host warning): simulated
// throttling does not use it. One measurement per browser is enough, so each later run on the same Chromium is
// handed the first run's value and that second goes to no one. A relaunched browser measures again.
//
// Lighthouse has no setting for this, so the one Runtime.evaluate that runs the benchmark is answered on the
// protocol session Lighthouse opens on our page. If a Lighthouse release renames the page function, nothing
// matches and every run simply measures again; test/load-time/benchmark-once.test.ts notices.
import type { Browser, CDPSession, Page } from 'puppeteer-core';

const BENCHMARK_FUNCTION = 'computeBenchmarkIndex';
const measured = new WeakMap<Browser, number>();

type Send = CDPSession['send'];

/** Call on a page before handing it to Lighthouse. */
export function benchmarkOncePerBrowser(page: Page): void {
  const browser = page.browser();
  const target = page.target();
  const open = target.createCDPSession.bind(target);
  target.createCDPSession = async () => {
    const session = await open();
    const send = session.send.bind(session) as (method: string, params?: unknown, options?: unknown) => Promise<unknown>;
    const answer = async (method: string, params?: unknown, options?: unknown): Promise<unknown> => {
      const expression = (params as { expression?: unknown } | undefined)?.expression;
      if (method !== 'Runtime.evaluate' || typeof expression !== 'string' || !expression.includes(BENCHMARK_FUNCTION)) {
        return send(method, params, options);
      }
      const known = measured.get(browser);
      if (known !== undefined) return { result: { type: 'number', value: known } };
      const response = (await send(method, params, options)) as { result?: { value?: unknown } };
      if (typeof response.result?.value === 'number') measured.set(browser, response.result.value);
      return response;
    };
    session.send = answer as Send;
    return session;
  };
}
