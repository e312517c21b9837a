// Small Polaris-styled building blocks shared by the views, including the designed loading/empty/error states.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.ts';

export function Card(props: { title?: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" aria-labelledby={props.title && props.id ? `${props.id}-h` : undefined}>
      {props.title && <h2 id={props.id ? `${props.id}-h` : undefined}>{props.title}</h2>}
      {props.children}
    </section>
  );
}

export function Badge(props: { tone?: 'success' | 'critical' | 'warning' | 'info'; children: ComponentChildren }) {
  return <span class={`badge ${props.tone ?? ''}`}>{props.children}</span>;
}

export function Loading() {
  return (
    <div class="card" role="status" aria-live="polite">
      <span class="visually-hidden">{t('state.loading')}</span>
      <div class="skeleton" style="inline-size:40%" />
      <div class="skeleton" />
      <div class="skeleton" style="inline-size:70%" />
    </div>
  );
}

export function ErrorBanner(props: { error: unknown; retry?: () => void }) {
  return (
    <div class="banner critical" role="alert">
      <strong>{t('state.error')}</strong> {(props.error as Error)?.message ?? String(props.error)}{' '}
      {props.retry && (
        <button class="btn" type="button" onClick={props.retry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="card empty">
      <h2>{props.title}</h2>
      {props.children}
    </div>
  );
}

export function scoreTone(score: number | null | undefined): 'success' | 'warning' | 'critical' | undefined {
  if (score === null || score === undefined) return undefined;
  return score >= 90 ? 'success' : score >= 50 ? 'warning' : 'critical';
}

/** Loads `load()` on mount and whenever `key` changes; `reload` refetches. */
export function useData<T>(load: () => Promise<T>, key: unknown[] = []) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...key, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
