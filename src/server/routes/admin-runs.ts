// The run history and "Run audit now":
//   GET  /api/admin/runs?before=<id>&limit=<n>   newest first, keyset-paginated
//   POST /api/admin/runs                          queue an audit of the shop's own storefront (202)
//   GET  /api/admin/runs/events?after=<id>        server-sent events: the shop's newest run as it moves
//        queued → running → succeeded | failed; ends with `done` once a run newer than `after` finished.
// Progress is read from the runs table, not from the worker's memory, so it works the same when the audit runs
// in another process (scale-out workers).
import { Router, type Request, type Response } from 'express';
import type { RunRecord } from '../../store/index.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { z } from 'zod';
import { errorBody, HttpError } from '../http-error.ts';
import { code, url } from '../../report/message.ts';
import { countString, noInput, optionalQuery, validated } from '../validate.ts';
import { runBrief, shopView } from './admin-shared.ts';

/** Keyset pagination; the store clamps `limit` to its page size. */
const runsQuery = z.object({ before: optionalQuery(countString), limit: optionalQuery(countString) }).loose();
/** `after`: the id of the newest run before the audit was requested (0 for none). */
const eventsQuery = z.object({ after: countString }).loose();

const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;
const FINISHED = new Set(['succeeded', 'failed']);

/**
 * Whether the storefront answers at all, before an audit is queued: a store that cannot be reached fails in
 * seconds with one clear sentence, instead of after every audit's own timeouts. Any HTTP answer counts as
 * reachable (a 5xx or a password page is for the audit to report). Returns the reason, or null.
 */
async function reachability(url: string, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    // A machine code like the others (ECONNREFUSED, ENOTFOUND): the admin says it in the merchant's words.
    if ((error as Error).name === 'TimeoutError') return 'ETIMEDOUT';
    return cause?.code ?? (error as Error).message;
  }
}

const PREFLIGHT_MS = 15_000;

export function adminRunsRoutes(ctx: ServerContext, options: { pollMs?: number; preflightMs?: number } = {}): Router {
  const router = Router();
  const pollMs = options.pollMs ?? POLL_MS;
  const preflightMs = options.preflightMs ?? PREFLIGHT_MS;

  router.get('/admin/runs', validated({ query: runsQuery }, async ({ query }, _req, res) => {
    const page = await ctx.store.runs.list(shopOf(res), { before: query.before, limit: query.limit ?? 50 });
    res.json({ items: page.items.map(runBrief), nextCursor: page.nextCursor });
  }));

  router.post('/admin/runs', validated(noInput, async (_input, _req, res) => {
    const view = await shopView(ctx, res);
    if (!view.storeUrl) throw new HttpError(409, 'no_storefront_url');
    // In app mode the own-domain/public-address guard runs before the server contacts the URL at all.
    if (ctx.lifecycle.checkAuditTarget) await ctx.lifecycle.checkAuditTarget(view.shop, view.storeUrl);
    const unreachable = await reachability(view.storeUrl, preflightMs);
    if (unreachable) {
      // The admin shows its own sentence for this code (what to do); the message says what failed.
      throw new HttpError(422, 'store_unreachable', { params: { url: url(view.storeUrl), reason: code(unreachable) } });
    }
    const newest = await ctx.store.runs.latest(view.shop, { status: 'any' });
    await ctx.lifecycle.requestAudit({ shop: view.shop, url: view.storeUrl, reason: 'manual' });
    res.status(202).json({ queued: true, storeUrl: view.storeUrl, after: newest?.id ?? 0 });
  }));

  router.get('/admin/runs/events', validated({ query: eventsQuery }, ({ query }, req: Request, res: Response) => {
    const after = query.after;
    const shop = shopOf(res);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    // HEAD is GET without a body (RFC 9110): the stream's headers, then the end, not a stream left open.
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.write('retry: 2000\n\n');
    let last = '';
    let stopped = false;
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const tick = async () => {
      if (stopped) return;
      try {
        const run: RunRecord | null = (await ctx.store.runs.list(shop, { limit: 1 })).items[0] ?? null;
        const fresh = run && run.id > after ? run : null;
        const state = fresh ? { ...runBrief(fresh), elapsedMs: fresh.startedAt ? Date.now() - Date.parse(fresh.startedAt) : 0 } : { status: 'waiting' };
        const key = `${state.status}:${fresh?.id ?? ''}:${fresh?.attempts ?? ''}`;
        if (key !== last || fresh?.status === 'running') send('progress', state);
        last = key;
        if (fresh && FINISHED.has(fresh.status)) {
          send('done', runBrief(fresh));
          stop();
          res.end();
          return;
        }
      } catch (error) {
        ctx.logger.error({ err: error, shop }, 'run events poll failed');
        // The error body every refusal has ({code, message, text}), in the reader's language; the stream goes on.
        send('error', errorBody(req, res, new HttpError(503, 'run_status_unreadable')));
      }
      if (!stopped) timer = setTimeout(() => void tick(), pollMs);
    };
    let timer = setTimeout(() => void tick(), 0);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
    };
    req.on('close', stop);
  }));
  return router;
}
