// "Run audit now": queues an audit, then follows the run over server-sent events until it ends. An audit that
// is already queued or running when the Overview opens (the first audit after install, a scheduled one) is
// followed the same way, so its progress shows without a click.
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendJson, streamEvents } from './api.ts';
import { toast } from './app-bridge.ts';
import { errorText } from './components.tsx';
import { fmt, t } from './i18n.ts';
import { runErrorText } from './run-error.ts';

interface Progress {
  status: string;
  id?: number;
  elapsedMs?: number;
  storeScore?: number | null;
  error?: string | null;
  /** Set when the request itself was refused (no URL, store unreachable): already in the merchant's words. */
  refused?: string;
}

export function RunNow(props: { canRun: boolean; activeAfter?: number | null; onDone: () => void }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function follow(after: number) {
    abort.current?.abort();
    abort.current = new AbortController();
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
    else if (end) toast(runErrorText(end.error), true);
    props.onDone();
  }

  async function run(start: () => Promise<number>) {
    setProgress({ status: 'waiting' });
    try {
      await follow(await start());
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      setProgress({ status: 'failed', refused: errorText(error) });
    }
  }

  useEffect(() => {
    if (props.activeAfter !== null && props.activeAfter !== undefined && progress === null) void run(async () => props.activeAfter as number);
  }, [props.activeAfter]);

  const busy = progress !== null && !['succeeded', 'failed'].includes(progress.status);
  const elapsed = progress?.elapsedMs ? fmt().ms(Math.round(progress.elapsedMs / 1000) * 1000) : null;
  return (
    <div>
      <button class="btn primary" type="button" disabled={!props.canRun || busy} onClick={() => void run(async () => (await sendJson<{ after: number }>('POST', '/api/admin/runs')).after)}>
        {t('run.now')}
      </button>
      <div aria-live="polite" data-testid="run-progress">
        {busy && (
          <>
            <p>
              {t(`run.${progress.status}` as 'run.waiting')}
              {elapsed ? ` · ${t('run.elapsed', { time: elapsed })}` : ''}
            </p>
            <div class="progress" role="progressbar" aria-label={t('run.now')}>
              <span />
            </div>
            <p class="muted">{t('run.takes')}</p>
          </>
        )}
        {progress?.status === 'succeeded' && <p>{t('run.done', { score: progress.storeScore ?? '–' })}</p>}
        {progress?.status === 'failed' && <p class="banner critical">{progress.refused ?? runErrorText(progress.error)}</p>}
      </div>
    </div>
  );
}
