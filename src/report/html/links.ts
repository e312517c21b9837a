// Broken links, redirect chains and slow pages from the link crawl.
import { labelOf, type RenderContext, pathOf } from './context.ts';
import { html, link, ltr, type SafeHtml } from './escape.ts';

const MAX_PLACES = 8;

export function linksSection(ctx: RenderContext): SafeHtml {
  const { t, number, ms } = ctx.i18n;
  const l = ctx.report.links;
  if (!l) return html`<section id="links"><h2>${t('links.title')}</h2><p class="muted">${t('links.none')}</p></section>`;
  // A footer link is found on every page: show a few and count the rest.
  const foundOn = (pages: string[]) => html`${pages.slice(0, MAX_PLACES).map((p, i) => html`${i ? ', ' : ''}${link(p, pathOf(p))}`)}${pages.length > MAX_PLACES ? ` +${pages.length - MAX_PLACES}` : ''}`;
  return html`<section id="links"><h2>${t('links.title')}</h2>
<p>${t('links.summary', { pages: number(l.pagesCrawled), links: number(l.linksChecked) })}</p>
${l.truncated ? html`<p class="ok">${t('links.truncated')}</p>` : ''}
<h3>${t('links.broken')}</h3>
${l.broken.length
    ? html`<table><thead><tr><th>${t('links.url')}</th><th>${t('links.status')}</th><th>${t('links.kind')}</th><th>${t('links.foundOn')}</th></tr></thead><tbody>
${l.broken.map((b) => html`<tr><td class="url">${ltr(b.url)}</td><td>${b.status ?? '?'}</td><td>${labelOf(ctx, 'kind', b.kind)}</td><td>${foundOn(b.foundOn)}</td></tr>`)}</tbody></table>`
    : html`<p class="good">${t('links.brokenNone')}</p>`}
${l.redirects.length ? html`<h3>${t('links.redirects')}</h3><table><thead><tr><th>${t('links.chain')}</th><th>${t('links.status')}</th><th>${t('links.foundOn')}</th></tr></thead><tbody>
${l.redirects.map((r) => html`<tr><td class="url">${ltr(r.chain.map(pathOf).join(' → '))}</td><td>${r.finalStatus ?? '?'}</td><td>${foundOn(r.foundOn)}</td></tr>`)}</tbody></table>` : ''}
${l.slowPages.length ? html`<h3>${t('links.slow')}</h3><ul>${l.slowPages.map((s) => html`<li>${link(s.url, pathOf(s.url))}: ${t('load.ttfb')} ${ms(s.ttfbMs)}</li>`)}</ul>` : ''}
</section>`;
}
