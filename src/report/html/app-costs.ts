// What each owner of the storefront's requests costs: the estimate from the audit's own runs (attributed by
// URL, averaged per page it loads on) and, when the "without this app" runs were made, the measurement: each
// weighed page re-run with the app blocked, its score/LCP/FCP/TBT deltas with their spread, and the app's
// Shopify-weighted points against the App Store's 10-point limit.
import { appsMessage } from '../../../audits/load-time/app-messages.ts';
import { ms } from '../message.ts';
import type { AppCost, AppImpact, LoadTimeSection, WithoutApp } from '../schema.ts';
import { labelOf, pathOf, type RenderContext, sliceOf } from './context.ts';
import { html, link, type SafeHtml } from './escape.ts';

type Delta = WithoutApp['scoreDelta'];

/** The names attribution gives owners by rule (attribution.ts) are shown in the reader's language. */
const RULE_NAMED_KINDS = new Set<AppCost['kind']>(['theme', 'content', 'unattributed']);

export function ownerName(ctx: RenderContext, owner: Pick<AppCost, 'name' | 'kind' | 'nameSource' | 'extensionId'>): string {
  if (RULE_NAMED_KINDS.has(owner.kind) && (owner.nameSource ?? 'rule') === 'rule') return labelOf(ctx, 'appKind', owner.kind);
  if (owner.kind === 'app' && owner.nameSource === 'rule' && owner.extensionId) {
    return ctx.i18n.msg(appsMessage('unnamedApp', { id: owner.extensionId.slice(0, 8) }), owner.name);
  }
  return owner.name;
}

export function appCostsSection(ctx: RenderContext, section: LoadTimeSection): SafeHtml {
  const { t, ms: fmtMs, number, bytes, msg } = ctx.i18n;
  const apps = new Map<string, AppCost & { pages: number }>();
  for (const p of section.pages) {
    for (const a of p.apps) {
      const key = `${a.kind}:${a.name}`;
      const seen = apps.get(key) ?? { ...a, transferBytes: 0, mainThreadMs: 0, blockingMs: 0, pages: 0 };
      seen.transferBytes += a.transferBytes;
      seen.mainThreadMs += a.mainThreadMs;
      seen.blockingMs += a.blockingMs;
      seen.pages += 1;
      apps.set(key, seen);
    }
  }
  if (apps.size === 0) return html``;
  const impacts = new Map((section.appImpacts ?? []).map((i) => [i.name, i]));
  const measured = impacts.size > 0;
  // Averages per page measurement, so an app on every page is comparable with one on a single page.
  const rows = [...apps.values()]
    .sort((a, b) => b.blockingMs / b.pages - a.blockingMs / a.pages)
    .map((a) => {
      const impact = a.kind === 'app' ? impacts.get(a.name) : undefined;
      return html`<tr data-owner-kind="${a.kind}"><td><bdi>${ownerName(ctx, a)}</bdi></td><td>${labelOf(ctx, 'appKind', a.kind)}</td>
<td class="num">${bytes(a.transferBytes / a.pages)}</td><td class="num">${fmtMs(a.mainThreadMs / a.pages)}</td><td class="num">${fmtMs(a.blockingMs / a.pages)}</td><td class="num">${number(a.pages)}</td>
${measured ? impactCell(ctx, impact) : ''}</tr>`;
    });
  const head = html`<tr><th>${t('apps.name')}</th><th>${t('apps.kind')}</th><th>${t('apps.bytes')}</th><th>${t('apps.mainThread')}</th><th>${t('apps.blocking')}</th><th>${t('apps.pages')}</th>${measured ? html`<th>${msg(appsMessage('reportColumnWithout'))}</th>` : ''}</tr>`;
  return html`<h3>${t('apps.title')}</h3><table data-section="app-costs"><thead>${head}</thead><tbody>${rows}</tbody></table>
${measured ? measuredSection(ctx, section) : html`<p class="muted" data-apps-note="estimate">${msg(appsMessage('reportEstimateNote'))}</p>`}`;
}

function impactCell(ctx: RenderContext, impact: AppImpact | undefined): SafeHtml {
  if (!impact) return html`<td class="num muted">–</td>`;
  if (impact.weightedScoreDelta === null) return html`<td class="muted" data-app-impact="${impact.name}">${ctx.i18n.msg(appsMessage('notTested'))}</td>`;
  const grade = impact.exceedsShopifyLimit ? 'poor' : '';
  return html`<td class="num ${grade}" data-app-impact="${impact.name}">${ctx.i18n.msg(appsMessage('weightedPoints', { points: impact.weightedScoreDelta }))}${
    impact.exceedsShopifyLimit ? html` <span class="tag poor">${ctx.i18n.msg(appsMessage('overLimit'))}</span>` : ''}${
    impact.unreliable ? html` <span class="tag">${ctx.i18n.msg(appsMessage('understated'))}</span>` : ''}</td>`;
}

function measuredSection(ctx: RenderContext, section: LoadTimeSection): SafeHtml {
  const { t, msg } = ctx.i18n;
  const rows: SafeHtml[] = [];
  for (const impact of section.appImpacts ?? []) {
    for (const page of section.pages) {
      const cost = page.apps.find((a) => a.kind === 'app' && a.name === impact.name);
      const w = cost?.without;
      if (!w) continue;
      rows.push(html`<tr data-without="${impact.name}" data-template="${page.template}"><td><bdi>${ownerName(ctx, cost)}</bdi></td><td>${link(page.url, pathOf(page.url))}<br><span class="muted">${sliceOf(ctx, page.template, page.device)}</span></td>
${pointsCell(ctx, w.scoreDelta)}${msCell(ctx, w.lcpMsDelta)}${msCell(ctx, w.fcpMsDelta)}${msCell(ctx, w.tbtMsDelta)}<td class="num">${ctx.i18n.number(w.runs)}</td></tr>`);
    }
  }
  const notes = (section.appImpacts ?? []).map((impact) => {
    const unreliable = section.pages.flatMap((p) => p.apps.filter((a) => a.kind === 'app' && a.name === impact.name && a.without?.unreliable).map((a) => a.without!.unreliable!));
    return html`<li class="${impact.exceedsShopifyLimit ? 'poor' : ''}" data-app-finding="${impact.name}">${msg(impact.text)}${
      unreliable[0] ? html` <span class="muted">${msg(unreliable[0])}</span>` : ''}</li>`;
  });
  const cost = section.withoutAppsCost;
  return html`<h3>${msg(appsMessage('reportMeasuredTitle'))}</h3><p class="muted">${msg(appsMessage('reportMeasuredIntro'))}</p>
<table data-section="without-apps"><thead><tr><th>${t('apps.name')}</th><th>${t('load.page')}</th><th>${msg(appsMessage('reportColumnScore'))}</th><th>${msg(appsMessage('reportColumnLcp'))}</th><th>${msg(appsMessage('reportColumnFcp'))}</th><th>${msg(appsMessage('reportColumnTbt'))}</th><th>${msg(appsMessage('reportColumnRuns'))}</th></tr></thead>
<tbody>${rows}</tbody></table>
<ul>${notes}</ul>
${cost ? html`<p class="muted" data-apps-note="cost">${msg(cost.text)}</p>` : ''}`;
}

function pointsCell(ctx: RenderContext, delta: Delta): SafeHtml {
  if (!delta) return html`<td class="muted">${ctx.i18n.msg(appsMessage('notTested'))}</td>`;
  return html`<td class="num">${ctx.i18n.msg(appsMessage('pointsRange', { ...delta }))}</td>`;
}

function msCell(ctx: RenderContext, delta: Delta): SafeHtml {
  if (!delta) return html`<td class="muted">${ctx.i18n.msg(appsMessage('notTested'))}</td>`;
  return html`<td class="num">${ctx.i18n.msg(appsMessage('msRange', { median: ms(delta.median), min: ms(delta.min), max: ms(delta.max) }))}</td>`;
}
