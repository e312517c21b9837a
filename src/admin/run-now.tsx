// "Run audit now": queues an audit, then follows the run over server-sent events until it ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendJson, streamEvents } from './api.ts';
import { toast } from './app-bridge.ts';
import { fmt, t } from './i18n.ts';

interface Progress {
  status: string;
  id?: number;
  elapsedMs?: number;
  storeScore?: number | null;
  error?: string | null;
}

export function RunNow(props: { canRun: boolean; onDone: () => void }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function start() {
    setProgress({ status: 'waiting' });
    abort.current = new AbortController();
    try {
      const { after } = await sendJson<{ after: number }>('POST', '/api/admin/runs');
      let finished: Progress | null = null;
      await streamEvents(
        `/api/admin/runs/events?after=${after}`,
        (event, data) => {
          if (event === 'progress') setProgress(data as Progress);
          if (event === 'done') finished = data as Progress;
        },
        abort.current.signal,
      );
      const end = finished as Progress | null;
      setProgress(end);
      if (end?.status === 'succeeded') toast(t('run.done', { score: end.storeScore ?? '–' }));
      else if (end) toast(t('run.failed'), true);
      props.onDone();
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      setProgress({ status: 'failed', error: (error as Error).message });
      toast((error as Error).message, true);
    }
  }

  const busy = progress !== null && !['succeeded', 'failed'].includes(progress.status);
  return (
    <div>
      <button class="btn primary" type="button" disabled={!props.canRun || busy} onClick={() => void start()}>
        {t('run.now')}
      </button>
      {!props.canRun && <p class="muted">{t('run.noUrl')}</p>}
      <div aria-live="polite" data-testid="run-progress">
        {busy && (
          <>
            <p>
              {t(`run.${progress.status}` as 'run.waiting')}
              {progress.elapsedMs ? ` · ${fmt().ms(progress.elapsedMs)}` : ''}
            </p>
            <div class="progress" role="progressbar" aria-label={t('run.now')}>
              <span />
            </div>
          </>
        )}
        {progress?.status === 'succeeded' && <p>{t('run.done', { score: progress.storeScore ?? '–' })}</p>}
        {progress?.status === 'failed' && <p class="banner critical">{t('run.failed')} {progress.error}</p>}
      </div>
    </div>
  );
}
