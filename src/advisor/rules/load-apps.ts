// Apps and third parties that keep the main thread busy (TBT, the lab proxy for INP).
import { CWV_THRESHOLDS } from '../defaults.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import { bytesP, code, fixMsg, fixWords, msP, wherePage } from '../fix-text.ts';
import { fileName, measuredAppSaving, slug } from './util.ts';

/** Below this much blocking time an app is not worth a fix of its own. */
const MIN_BLOCKING_MS = 50;

export function appRules(m: Measurement): Candidate[] {
  const out: Candidate[] = [];
  // On a page whose TBT is already good, no app is worth removing for speed.
  if ((m.page.metrics.tbtMs ?? 0) <= CWV_THRESHOLDS.TBT.good) return out;
  for (const app of m.page.apps) {
    if (app.kind !== 'app' && app.kind !== 'third-party') continue;
    if (app.blockingMs < MIN_BLOCKING_MS) continue;
    const files = app.urls.map(fileName).slice(0, 3).join(', ');
    // The page re-run without the app (issue #20) measures what removing it saves; else Lighthouse's attribution.
    const measured = measuredAppSaving(app, 'tbtMsDelta', app.blockingMs);
    out.push({
      kind: 'cwv', metric: 'TBT', id: `app-main-thread:${slug(app.name)}`, category: 'third-party-apps', pages: [m.url],
      ...fixWords(
        fixMsg('appMainThread.title', { app: app.name }),
        fixMsg(measured ? 'appMainThread.evidenceMeasured' : 'appMainThread.evidence', {
          where: wherePage(m.page), app: app.name, files: code(files), mainThread: msP(app.mainThreadMs), blocking: msP(app.blockingMs),
          bytes: bytesP(app.transferBytes), tbt: msP(m.page.metrics.tbtMs ?? 0), ...(measured ? { saving: msP(measured.ms), runs: measured.runs } : {}),
        }),
        [fixMsg('appMainThread.howToUninstall', { app: app.name }), fixMsg('appMainThread.howToEmbed'), fixMsg('appMainThread.howToRetest', { app: app.name })],
      ),
      claims: [{ key: m.key, saving: measured ? measured.ms : app.blockingMs }],
    });
  }
  return out;
}
