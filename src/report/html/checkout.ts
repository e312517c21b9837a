// The checkout journey as a timeline of steps, with each step's screenshot embedded when the file exists.
import { readFileSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import type { CheckoutStep } from '../schema.ts';
import { type RenderContext, pathOf } from './context.ts';
import { html, type SafeHtml } from './escape.ts';

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };
/** Bigger screenshots stay as a path so the report stays small enough to mail. */
const MAX_EMBED_BYTES = 3_000_000;

export function screenshotDataUri(path: string, artifactsDir?: string): string | null {
  const mime = MIME[extname(path).toLowerCase()];
  if (!mime) return null;
  const file = isAbsolute(path) ? path : join(artifactsDir ?? process.cwd(), path);
  try {
    const bytes = readFileSync(file);
    return bytes.length <= MAX_EMBED_BYTES ? `data:${mime};base64,${bytes.toString('base64')}` : null;
  } catch {
    return null;
  }
}

function stepCard(step: CheckoutStep, index: number, ctx: RenderContext): SafeHtml {
  const { t, ms } = ctx.i18n;
  const uri = step.screenshot ? screenshotDataUri(step.screenshot, ctx.artifactsDir) : null;
  const shot = uri
    ? html`<img src="${uri}" alt="${t('checkout.screenshot', { step: step.name })}">`
    : step.screenshot ? html`<p class="muted url">${t('checkout.screenshotMissing', { path: step.screenshot })}</p>` : '';
  return html`<div class="card"><h3>${index + 1}. ${step.name} <span class="muted">${t('checkout.duration', { time: ms(step.durationMs) })}</span></h3>
<p class="url muted">${pathOf(step.url)}</p>
${step.fields.length ? html`<p>${t('checkout.fields', { fields: step.fields.join(', ') })}</p>` : ''}
${step.jsErrors.length ? html`<p class="poor">${t('checkout.jsErrors')}:</p><ul>${step.jsErrors.map((e) => html`<li><code>${e}</code></li>`)}</ul>` : ''}
${step.failedRequests.length ? html`<p class="poor">${t('checkout.failedRequests')}:</p><ul>${step.failedRequests.map((r) => html`<li><code>${pathOf(r.url)}</code> → ${r.status ?? r.error ?? '?'}</li>`)}</ul>` : ''}
${shot}</div>`;
}

export function checkoutSection(ctx: RenderContext): SafeHtml {
  const { t, ms, number } = ctx.i18n;
  const c = ctx.report.checkout;
  if (!c) return html`<section id="checkout"><h2>${t('checkout.title')}</h2><p class="muted">${t('checkout.none')}</p></section>`;
  const status = c.completed
    ? html`<p class="good">${t('checkout.completed', { steps: c.stepCount, fields: c.formFields, time: ms(c.totalMs) })}</p>`
    : html`<p class="poor">${t('checkout.failed', { step: c.failure?.step ?? '?', message: c.failure?.message ?? '' })}</p>`;
  const bench = c.benchmark ? html`<p class="muted">${t('checkout.benchmark', { steps: number(c.benchmark.steps), fields: number(c.benchmark.fields) })}</p>` : '';
  return html`<section id="checkout"><h2>${t('checkout.title')}</h2>${status}${bench}
<div class="timeline">${c.steps.map((s, i) => stepCard(s, i, ctx))}</div></section>`;
}
