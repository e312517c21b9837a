// JUnit XML for CI dashboards: one test suite per audit, one test case per assertion result (per page for
// per-page assertions). A failed or not-measured error-level assertion is a <failure>; a warn-level one passes
// with its text in <system-out>; an assertion on an audit that did not run is <skipped/>. Timestamps are left
// out so an unchanged store gives byte-identical output.
import escapeHtml from 'escape-html';
import type { AssertionResult } from '../assertions/evaluate.ts';
import { auditOf } from '../assertions/evaluate.ts';
import { t } from '../text.ts';
import { round } from '../summary.ts';

function caseName(r: AssertionResult): string {
  const scope = [r.spec.templates?.join('+'), r.spec.path, r.page ? `${r.page} (${r.device})` : undefined].filter(Boolean).join(' ');
  const id = r.spec.rule ?? r.spec.id;
  return scope ? `${id} ${scope}` : id;
}

function describe(r: AssertionResult): string {
  const expected = r.spec.expected === undefined ? 'pass' : `${r.spec.check === 'minScore' ? '>=' : '<='} ${r.spec.expected}`;
  if (r.status === 'not-measured') return `${r.spec.id}: not measured (${t(`reason.${r.reason ?? 'metric-missing'}`, { detail: r.detail ?? '' })}); expected ${expected}`;
  return `${r.spec.id}: ${r.actual === null ? 'n/a' : round(r.actual)}; expected ${expected} (${r.spec.aggregation}, from ${r.spec.source})`;
}

export function renderJunit(results: readonly AssertionResult[]): string {
  const suites = new Map<string, AssertionResult[]>();
  for (const r of results) {
    const audit = auditOf(r.spec.id);
    suites.set(audit, [...(suites.get(audit) ?? []), r]);
  }
  const failing = (r: AssertionResult) => r.spec.level === 'error' && (r.status === 'failed' || r.status === 'not-measured');
  const all = { tests: results.length, failures: results.filter(failing).length, skipped: results.filter((r) => r.status === 'not-run').length };
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="storefront-audit" tests="${all.tests}" failures="${all.failures}" skipped="${all.skipped}">`];
  for (const [audit, list] of suites) {
    out.push(`  <testsuite name="${audit}" tests="${list.length}" failures="${list.filter(failing).length}" skipped="${list.filter((r) => r.status === 'not-run').length}">`);
    for (const r of list) {
      const open = `    <testcase classname="storefront-audit.${audit}" name="${escapeHtml(caseName(r))}"`;
      const body = escapeHtml(describe(r));
      if (r.status === 'not-run') out.push(`${open}>`, `      <skipped message="the ${audit} audit did not run (--only)"/>`, `    </testcase>`);
      else if (failing(r)) out.push(`${open}>`, `      <failure type="${r.status}" message="${body}">${body}</failure>`, `    </testcase>`);
      else if (r.status !== 'passed') out.push(`${open}>`, `      <system-out>warn: ${body}</system-out>`, `    </testcase>`);
      else out.push(`${open}/>`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
