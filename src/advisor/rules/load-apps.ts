// Apps and third parties that keep the main thread busy (TBT, the lab proxy for INP).
import { CWV_THRESHOLDS } from '../defaults.ts';
import type { Measurement } from '../measurements.ts';
import type { Candidate } from '../types.ts';
import { bytes, fileName, measuredAppSaving, ms, slug, where } from './util.ts';

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
      title: `Delay the “${app.name}” app until the visitor needs it`,
      evidence: `${where(m.page)}: ${app.name} (${files}) runs ${ms(app.mainThreadMs)} on the main thread, ${ms(app.blockingMs)} of it blocking, ${bytes(app.transferBytes)} transferred; page TBT ${ms(m.page.metrics.tbtMs ?? 0)}${measured ? `; without ${app.name} TBT was ${ms(measured.ms)} lower (median of ${measured.runs} paired runs)` : ''}`,
      howTo: [
        `Check whether you still use ${app.name}; if not, uninstall it and remove its leftover snippets from the theme.`,
        `If you need it, turn its app embed off on templates where it adds nothing (Online Store › Themes › Customize › App embeds) and ask the developer for a load-on-interaction option (e.g. load the chat only when its button is clicked).`,
        `Re-test after the change: ${app.name} should cost well under 50 ms of blocking time.`,
      ],
      claims: [{ key: m.key, saving: measured ? measured.ms : app.blockingMs }],
    });
  }
  return out;
}
