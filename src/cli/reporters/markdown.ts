// A pull-request comment: the store score, what could not be tested, the assertions that did not pass, the
// top fixes and what changed since the --compare baseline. GitHub-flavoured Markdown; cells are escaped so a
// fix title or URL cannot break the table. No timestamps, so an unchanged store gives the same comment.
import type { Report } from '../../report/schema.ts';
import { count, money } from '../../report/message.ts';
import type { AssertionResult } from '../assertions/evaluate.ts';
import { failedAssertions, type Gap } from '../outcome.ts';
import { gapText, round } from '../summary.ts';
import { t, text } from '../text.ts';

function cell(value: string | number): string {
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdown(report: Report, results: readonly AssertionResult[], gaps: readonly Gap[], exitLine: string): string {
  const out = [`## ${t('md.title')}`, '', `${t('md.store', { url: report.store.url, pages: report.pages.length })}`, ''];
  const load = report.loadTime;
  if (load) {
    const measured = load.pages.filter((p) => !p.error).length;
    out.push(`- ${t('md.score', { score: load.storeScore === null ? 'n/a' : load.storeScore, measured: count(measured), total: count(load.pages.length) })}`);
  }
  if (report.checkout) {
    const c = report.checkout;
    // The same words as the summary: the reason in the reader's language, never a multi-line browser log.
    const untested = gaps.find((g) => g.kind === 'checkout');
    const failed = c.failure?.text ? text(c.failure.text) : (c.failure?.message ?? '').split('\n')[0]!;
    out.push(`- ${c.completed ? t('summary.checkoutReached', { steps: c.stepCount, fields: c.formFields }) : untested ? t('summary.checkoutUntested', { step: untested.step, message: gapText(untested) }) : t('summary.checkoutFailed', { step: c.failure?.step ?? '?', message: failed })}`);
  }
  if (report.links) out.push(`- ${t('summary.links', { broken: count(report.links.broken.length), redirects: count(report.links.redirects.length), pages: count(report.links.pagesCrawled) })}`);
  out.push('', `**${exitLine}**`, '');

  if (gaps.length) {
    out.push(`### ${t('md.notTested')}`, '');
    for (const gap of gaps) {
      const what = gap.kind === 'audit' ? gap.audit : gap.kind === 'page' ? `${gap.url} (${gap.device})` : `${t('audit.checkout')}: ${gap.step}`;
      out.push(`- ${cell(what)}: ${cell(gapText(gap))}`);
    }
    out.push('');
  }

  const shown = [...failedAssertions(results), ...results.filter((r) => r.spec.level === 'warn' && (r.status === 'failed' || r.status === 'not-measured'))];
  if (results.length) {
    out.push(`### ${t('md.assertions')}`, '');
    const by = (s: AssertionResult['status']) => results.filter((r) => r.status === s).length;
    out.push(t('assert.summary', { passed: by('passed'), failed: by('failed'), notMeasured: by('not-measured'), notRun: by('not-run') }), '');
    if (shown.length) {
      out.push(`| ${t('md.colLevel')} | ${t('md.colAssertion')} | ${t('md.colPage')} | ${t('md.colActual')} | ${t('md.colLimit')} |`, '|---|---|---|---:|---:|');
      for (const r of shown) {
        const actual = r.status === 'not-measured' ? t('md.notMeasured') : round(r.actual!);
        const limit = r.spec.expected === undefined ? '' : `${r.spec.check === 'minScore' ? '≥' : '≤'} ${r.spec.expected}`;
        out.push(`| ${r.spec.level} | \`${cell(r.spec.id)}\` | ${cell(r.page ? `${r.page} (${r.device})` : '')} | ${cell(actual)} | ${cell(limit)} |`);
      }
      out.push('');
    }
  }

  const top = report.fixes.slice(0, 5);
  if (top.length) {
    out.push(`### ${t('md.topFixes')}`, '', `| ${t('md.colFix')} | ${t('md.colPerMonth')} | ${t('md.colRange')} |`, '|---|---:|---:|');
    for (const fix of top) {
      const m = fix.impact.revenuePerMonth;
      out.push(`| ${cell(fix.text ? text(fix.text.title) : fix.title)} | ${cell(text({ id: 'common.value', params: { value: money(m.central, m.currency) } }))} | ${cell(`${text({ id: 'common.value', params: { value: money(m.low, m.currency) } })} – ${text({ id: 'common.value', params: { value: money(m.high, m.currency) } })}`)} |`);
    }
    out.push('');
  }

  if (report.comparison) {
    const c = report.comparison;
    const resolved = c.outcomes.filter((o) => o.status === 'resolved');
    out.push(`### ${t('md.changes')}`, '', t('summary.comparison', { date: c.previous.startedAt, resolved: count(resolved.length), added: count(c.newFixes.length) }), '');
    for (const o of resolved) {
      const m = o.measured;
      out.push(`- ✅ ${cell(o.title)}${m && m.change !== null ? `: ${m.metric} ${m.before} → ${m.after}` : ''}`);
    }
    const titles = new Map(report.fixes.map((f) => [f.id, f.text ? text(f.text.title) : f.title]));
    for (const id of c.newFixes) out.push(`- 🆕 ${cell(titles.get(id) ?? id)}`);
    out.push('');
  }
  return out.join('\n');
}
