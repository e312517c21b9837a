// Small Polaris-styled building blocks shared by the views (card, badge, index table, URL, banners), including
// the designed loading/empty/error states.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { hasMessage } from '../i18n/format-message.ts';
import { fmt, t } from './i18n.ts';
import type { AdminKey } from '../i18n/admin.ts';

export function Card(props: { title?: string; children: ComponentChildren; id?: string; actions?: ComponentChildren }) {
  return (
    <section class="card" id={props.id} aria-labelledby={props.title && props.id ? `${props.id}-h` : undefined}>
      {props.title && (
        <div class="card-head">
          <h2 id={props.id ? `${props.id}-h` : undefined}>{props.title}</h2>
          {props.actions}
        </div>
      )}
      {props.children}
    </section>
  );
}

export function Badge(props: { tone?: 'success' | 'critical' | 'warning' | 'info'; children: ComponentChildren }) {
  return <span class={`badge ${props.tone ?? ''}`}>{props.children}</span>;
}

/** Shortens a long text in the middle, so both the start (the host or section) and the end (the page) show. */
export function middle(text: string, max = 44): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.55);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/** Path and query of a URL on the store; other hosts keep their host. */
export function shortUrl(url: string, storeUrl?: string | null): string {
  try {
    const u = new URL(url);
    const own = storeUrl ? new URL(storeUrl).host === u.host : false;
    return own ? `${u.pathname}${u.search}` : `${u.host}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * A URL, left-to-right and isolated inside any sentence (so "/products/x?page=2" keeps its punctuation in Hebrew
 * and Persian), shortened in the middle with the full URL on hover and on keyboard focus.
 */
export function Url(props: { href: string; storeUrl?: string | null; max?: number }) {
  const shown = middle(shortUrl(props.href, props.storeUrl), props.max);
  const full = props.href;
  if (shown === full) return <bdi dir="ltr" class="url">{full}</bdi>;
  return (
    <bdi dir="ltr" class="url short" tabIndex={0} title={full}>
      <span class="url-short" aria-hidden="true">{shown}</span>
      <span class="url-full">{full}</span>
    </bdi>
  );
}

/** Code, selectors, header names: always left-to-right and isolated. */
export function Code(props: { children: ComponentChildren }) {
  return <code dir="ltr">{props.children}</code>;
}

export interface Column {
  label: string;
  num?: boolean;
}

/**
 * Polaris's index table: a real table on wide screens; below 640 px each row becomes a stacked card where
 * every cell carries its column's label (data-label), so nothing is cut off on a phone.
 */
export function IndexTable(props: { columns: Column[]; rows: Array<{ key: string; cells: ComponentChildren[]; rowHeader?: boolean }>; caption?: string; testid?: string }) {
  return (
    <table class="index" data-testid={props.testid}>
      {props.caption && <caption class="visually-hidden">{props.caption}</caption>}
      <thead>
        <tr>
          {props.columns.map((c, i) => (
            <th scope="col" class={c.num ? 'num' : undefined} key={i}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) => {
              const column = props.columns[i];
              const cls = column?.num ? 'num' : undefined;
              return i === 0 && row.rowHeader ? (
                <th scope="row" class={cls} data-label={column?.label} key={i}>{cell}</th>
              ) : (
                <td class={cls} data-label={column?.label} key={i}>{cell}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
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

/** An API error in the merchant's language: by its stable code when the server gave one, else its text. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const summary = apiErrorSummary(error);
    return error.issues.length ? `${summary} ${error.issues.join('; ')}` : summary;
  }
  if (error instanceof TypeError) return t('apiError.network');
  return (error as Error)?.message ?? String(error);
}

function apiErrorSummary(error: ApiError): string {
  // Our own display string for the code first (written for a merchant), then the server's message.
  const key = error.code ? (`apiError.${error.code}` as AdminKey) : null;
  const known = key ? t(key) : null;
  if (known && known !== key) return known;
  if (error.text && hasMessage(error.text.id)) return fmt().msg(error.text);
  if (error.status >= 500) return t('apiError.server');
  if (error.status === 0) return t('apiError.network');
  return error.message;
}

export function ErrorBanner(props: { error: unknown; retry?: () => void }) {
  return (
    <div class="banner critical" role="alert">
      <strong>{t('state.error')}</strong> {errorText(props.error)}{' '}
      {props.retry && (
        <button class="btn" type="button" onClick={props.retry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

/** Polaris's empty state: a heading, a sentence, and the one action that gets the merchant further. */
export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="card empty">
      <svg class="empty-art" viewBox="0 0 64 64" aria-hidden="true"><circle cx="32" cy="32" r="28" /><path d="M20 34l8 8 16-18" /></svg>
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
