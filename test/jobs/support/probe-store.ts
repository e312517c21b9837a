// A tiny storefront for the jobs tests, with state the test changes between runs (score, LCP, broken links,
// checkout) and gates that hold a request open, so a test can kill a worker while its audit is mid-flight.
// Each shop lives under /s/<name>/. It also counts concurrent audits per shop, to prove mutual exclusion.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProbeState {
  score: number;
  lcpMs: number;
  broken: string[];
  checkoutCompleted: boolean | null;
  budgetBreached: boolean;
  /** Hold every /s/<name>/state.json request until release() (or forever: a hung store). */
  hold: boolean;
  /** Milliseconds each audit takes (spent server-side, so it counts as one audit in flight). */
  delayMs: number;
}

export interface ProbeStore {
  url: string;
  shopUrl(name: string): string;
  set(name: string, patch: Partial<ProbeState>): void;
  /** The next audits of `name` see these states one after another (then the last one stays). */
  script(name: string, patches: Array<Partial<ProbeState>>): void;
  /** How many audits of `name` started (requests to state.json). */
  started(name: string): number;
  /** Most audits of one shop that were in flight at the same moment. */
  maxConcurrent(name: string): number;
  /** Resolves when `name` has had `count` audits started. */
  waitForStart(name: string, count?: number, timeoutMs?: number): Promise<void>;
  release(name: string): void;
  close(): Promise<void>;
}

const DEFAULT_STATE: ProbeState = { score: 90, lcpMs: 1500, broken: [], checkoutCompleted: true, budgetBreached: false, hold: false, delayMs: 0 };

export async function startProbeStore(): Promise<ProbeStore> {
  const states = new Map<string, ProbeState>();
  const starts = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const peaks = new Map<string, number>();
  const held = new Map<string, Array<() => void>>();
  const scripts = new Map<string, Array<Partial<ProbeState>>>();
  const stateOf = (name: string) => states.get(name) ?? { ...DEFAULT_STATE };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/s\/([^/]+)\/state\.json$/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const name = decodeURIComponent(match[1] as string);
    const next = scripts.get(name)?.shift();
    if (next) states.set(name, { ...stateOf(name), ...next });
    starts.set(name, (starts.get(name) ?? 0) + 1);
    const now = (inFlight.get(name) ?? 0) + 1;
    inFlight.set(name, now);
    peaks.set(name, Math.max(peaks.get(name) ?? 0, now));
    const state = stateOf(name);
    const answer = () => {
      inFlight.set(name, (inFlight.get(name) ?? 1) - 1);
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stateOf(name)));
    };
    res.on('close', () => {
      if (!res.writableEnded) inFlight.set(name, (inFlight.get(name) ?? 1) - 1);
    });
    if (state.hold) held.set(name, [...(held.get(name) ?? []), answer]);
    else setTimeout(answer, state.delayMs);
  });
  server.keepAliveTimeout = 1;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    shopUrl: (name) => `${url}/s/${encodeURIComponent(name)}/`,
    set(name, patch) {
      states.set(name, { ...stateOf(name), ...patch });
    },
    script(name, patches) {
      scripts.set(name, [...patches]);
    },
    started: (name) => starts.get(name) ?? 0,
    maxConcurrent: (name) => peaks.get(name) ?? 0,
    async waitForStart(name, count = 1, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while ((starts.get(name) ?? 0) < count) {
        if (Date.now() > deadline) throw new Error(`no audit of ${name} started within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    release(name) {
      states.set(name, { ...stateOf(name), hold: false });
      for (const answer of held.get(name) ?? []) answer();
      held.delete(name);
    },
    async close() {
      for (const answers of held.values()) for (const answer of answers) answer();
      server.closeAllConnections();
      server.close();
    },
  };
}
