// The checkout journey as a timeline of steps, with each step's screenshot embedded when the file exists.
import { readFileSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import type { CheckoutStep } from '../schema.ts';
import { labelOf, type RenderContext, pathOf } from './context.ts';
import { html, ltr, type SafeHtml } from './escape.ts';

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

/** A step's name: the checkout catalogue's, else this report's own, else as recorded. */
function stepLabel(ctx: RenderContext, name: string): string {
  return ctx.i18n.msg({ id: `checkout.step.${name}` }, labelOf(ctx, 'step', name));
}

function stepCard(step: CheckoutStep, index: number, ctx: RenderContext): SafeHtml {
  const { t, ms } = ctx.i18n;
  const name = stepLabel(ctx, step.name);
  const uri = step.screenshot ? screenshotDataUri(step.screenshot, ctx.artifactsDir) : null;
  const shot = uri
    ? html`<img src="${uri}" alt="${t('checkout.screenshot', { step: name })}">`
    : step.screenshot ? html`<p class="muted url">${t('checkout.screenshotMissing', { path: step.screenshot })}</p>` : '';
  return html`<div class="card"><h3>${index + 1}. ${name} <span class="muted">${t('checkout.duration', { time: ms(step.durationMs) })}</span></h3>
<p class="url muted">${ltr(pathOf(step.url))}</p>
${step.fields.length ? html`<p>${t('checkout.fields', { fields: ctx.i18n.number(step.fields.length) })}</p>` : ''}
${step.jsErrors.length ? html`<p class="poor">${t('checkout.jsErrors')}:</p><ul>${step.jsErrors.map((e) => html`<li><code dir="ltr">${e}</code></li>`)}</ul>` : ''}
${step.failedRequests.length ? html`<p class="poor">${t('checkout.failedRequests')}:</p><ul>${step.failedRequests.map((r) => html`<li><code dir="ltr">${pathOf(r.url)}</code> → ${r.status ?? '?'}</li>`)}</ul>` : ''}
${shot}</div>`;
}

export function checkoutSection(ctx: RenderContext): SafeHtml {
  const { t, ms, number } = ctx.i18n;
  const c = ctx.report.checkout;
  if (!c) return html`<section id="checkout"><h2>${t('checkout.title')}</h2><p class="muted">${t('checkout.none')}</p></section>`;
  const status = c.completed
    ? html`<p class="good">${t('checkout.completed', { steps: c.stepCount, fields: c.formFields, time: ms(c.totalMs) })}</p>`
    : html`<p class="poor">${t('checkout.failed', { step: stepLabel(ctx, c.failure?.step ?? '?'), message: c.failure ? ctx.i18n.msg(c.failure.text, c.failure.message) : '' })}</p>`;
  const bench = c.benchmark ? html`<p class="muted">${t('checkout.benchmark', { steps: number(c.benchmark.steps), fields: number(c.benchmark.fields) })}</p>` : '';
  return html`<section id="checkout"><h2>${t('checkout.title')}</h2>${status}${bench}
<div class="timeline">${c.steps.map((s, i) => stepCard(s, i, ctx))}</div></section>`;
}
