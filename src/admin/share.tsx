// "Share this audit": the HTML report and its PDF (printed by the server's Chromium) of any finished run, in
// the language the merchant reads the admin in. Fetched with the session token (the files sit behind the
// session like every /api route) and handed to the browser as a download.
import { useState } from 'preact/hooks';
import { download, getJson } from './api.ts';
import { Card, errorText, useData } from './components.tsx';
import { fmt, t } from './i18n.ts';
import { toast } from './app-bridge.ts';

interface RunItem {
  id: number;
  status: string;
  finishedAt: string | null;
  createdAt: string;
  storeScore: number | null;
}

const RECENT = 30;

export function ShareCard() {
  const runs = useData(() => getJson<{ items: RunItem[] }>(`/api/admin/runs?limit=${RECENT}`));
  const finished = (runs.data?.items ?? []).filter((run) => run.status === 'succeeded');
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState<'html' | 'pdf' | null>(null);
  if (finished.length === 0) return null;
  const runId = chosen ?? (finished[0] as RunItem).id;

  async function get(kind: 'html' | 'pdf') {
    setBusy(kind);
    try {
      await download(`/api/admin/runs/${runId}/report.${kind}?locale=${encodeURIComponent(fmt().locale)}`, `storefront-report-run-${runId}.${kind}`);
    } catch (error) {
      toast(errorText(error), true);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title={t('share.title')} id="share">
      <p class="muted">{t('share.intro')}</p>
      <div class="row">
        <label for="share-run">{t('share.run')}</label>
        <select id="share-run" value={String(runId)} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
          {finished.map((run) => (
            <option key={run.id} value={String(run.id)}>
              {run.storeScore === null
                ? fmt().date(run.finishedAt ?? run.createdAt)
                : t('share.runOption', { date: fmt().date(run.finishedAt ?? run.createdAt), score: fmt().number(run.storeScore) })}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <button class="btn" type="button" data-testid="download-html" disabled={busy !== null} onClick={() => void get('html')}>
          {t('share.html')}
        </button>
        <button class="btn" type="button" data-testid="download-pdf" disabled={busy !== null} onClick={() => void get('pdf')}>
          {busy === 'pdf' ? t('share.printing') : t('share.pdf')}
        </button>
      </div>
    </Card>
  );
}
