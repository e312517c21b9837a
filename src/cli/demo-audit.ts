// The audit `npm start` runs on the demo store: every audit, the demo's app names, and the product's default of
// 3 Lighthouse runs per page, so the first figures a new user sees are the stable ones (issue #13: one run let
// the top fix vanish and come back between audits). `--runs 1` is a quicker preview, labelled as such in the
// report and the admin.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_APPS } from '../demo-store/apps.ts';
import { LOAD_TIME_DEFAULTS } from '../../audits/load-time/options.ts';
import type { RunAuditOptions } from '../engine/run-audit.ts';
import type { Report } from '../report/schema.ts';
import { renderHtmlReport } from '../report/html.ts';

export const DEMO_INPUTS = { monthlySessions: 40_000, conversionRate: 0.018, averageOrderValue: 72, currency: 'USD' } as const;

export function demoAuditOptions(artifactsDir: string, runs = LOAD_TIME_DEFAULTS.runs): RunAuditOptions {
  return {
    runs,
    allowPrivateAddresses: true,
    artifactsDir,
    auditOptions: { load: { appNames: Object.fromEntries(DEMO_APPS.map((app) => [app.uuid, app.name])) } },
    inputs: { ...DEMO_INPUTS },
  };
}

/** Writes `<dir>/run-<id>.json` and `.html` and returns the JSON path. */
export async function writeReportFiles(dir: string, runId: number | string, report: Report, artifactsDir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const jsonPath = join(dir, `run-${runId}.json`);
  await writeFile(jsonPath, JSON.stringify(report, null, 2));
  await writeFile(join(dir, `run-${runId}.html`), renderHtmlReport(report, { artifactsDir }));
  return jsonPath;
}
