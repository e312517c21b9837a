// The Links view:
//   GET /api/admin/links?run=<id>&kind=<kind>&status=<4xx|5xx|error>&q=<text>   broken links and redirect chains
//   GET /api/admin/links.csv?…same filters…                                      the broken links as CSV
import { Router } from 'express';
import { z } from 'zod';
import type { LinksSection } from '../../report/schema.ts';
import type { ServerContext } from '../deps.ts';
import { shopOf } from '../shop-context.ts';
import { HttpError } from '../http-error.ts';
import { optionalQuery, text, validated } from '../validate.ts';
import { chosenRun, runQuery } from './admin-shared.ts';

type Broken = LinksSection['broken'][number];

interface LinkFilter {
  kind?: string;
  status?: string;
  q?: string;
}

/** The view's filters: `?run`, and free text for kind, status class (4xx, 5xx, error) and search. */
const linksQuery = runQuery.extend({ kind: optionalQuery(text(100)), status: optionalQuery(text(20)), q: optionalQuery(text(500)) });

function filterOf(query: z.output<typeof linksQuery>): LinkFilter {
  return { kind: query.kind, status: query.status, q: query.q?.toLowerCase() };
}

function statusClass(link: Broken): string {
  if (link.status === null) return 'error';
  return `${Math.floor(link.status / 100)}xx`;
}

function matches(link: Broken, filter: LinkFilter): boolean {
  if (filter.kind && link.kind !== filter.kind) return false;
  if (filter.status && statusClass(link) !== filter.status) return false;
  if (filter.q && !link.url.toLowerCase().includes(filter.q) && !link.foundOn.some((p) => p.toLowerCase().includes(filter.q as string))) return false;
  return true;
}

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function brokenLinksCsv(links: Broken[]): string {
  const rows = [['url', 'status', 'error', 'kind', 'found_on'].join(',')];
  for (const link of links) rows.push([link.url, link.status, link.error, link.kind, link.foundOn.join(' ')].map(csvCell).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

export function adminLinksRoutes(ctx: ServerContext): Router {
  const router = Router();
  async function section(shop: string, runId: number | undefined) {
    return runId ? ((await ctx.store.runs.getSection(shop, runId, 'links')) as LinksSection | null) : null;
  }

  router.get('/admin/links', validated({ query: linksQuery }, async ({ query }, _req, res) => {
    const run = await chosenRun(ctx, res, query.run, 'links');
    const links = await section(shopOf(res), run?.id);
    const filter = filterOf(query);
    res.json({
      runId: run?.id ?? null,
      links: links ? { ...links, broken: links.broken.filter((l) => matches(l, filter)), totalBroken: links.broken.length } : null,
    });
  }));

  router.get('/admin/links.csv', validated({ query: linksQuery }, async ({ query }, _req, res) => {
    const run = await chosenRun(ctx, res, query.run, 'links');
    const links = await section(shopOf(res), run?.id);
    if (!run || !links) throw new HttpError(404, 'links_not_found');
    res
      .type('text/csv; charset=utf-8')
      .attachment(`broken-links-run-${run.id}.csv`)
      .send(brokenLinksCsv(links.broken.filter((l) => matches(l, filterOf(query)))));
  }));
  return router;
}
