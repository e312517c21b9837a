// The shell: the page header with the shop's name, view navigation (hash routes, so one static document serves
// every view: #/fixes/<fix id> opens one fix), the App Bridge navigation menu and title bar when embedded, and
// the standalone toast. The shop context (name, storefront, time zone) loads first, so every date is in the
// shop's time zone from the first paint.
import { createContext } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.ts';
import { isEmbedded, onStandaloneToast } from './app-bridge.ts';
import { ErrorBanner, Loading, useData } from './components.tsx';
import { setTimeZone, t } from './i18n.ts';
import { CheckoutView } from './views/checkout.tsx';
import { FixesView } from './views/fixes.tsx';
import { LinksView } from './views/links.tsx';
import { OverviewView } from './views/overview.tsx';
import { PagesView } from './views/pages.tsx';
import { SettingsView } from './views/settings.tsx';

export const VIEWS = ['overview', 'fixes', 'pages', 'checkout', 'links', 'settings'] as const;
type View = (typeof VIEWS)[number];

export interface ShopContext {
  shop: string;
  mode: 'standalone' | 'embedded';
  name: string | null;
  storeUrl: string | null;
  currency: string;
  timezone: string;
  schedulesEditable: boolean;
}

export const Shop = createContext<ShopContext | null>(null);

function routeFromHash(): { view: View; detail: string | null } {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const view = (VIEWS as readonly string[]).includes(name ?? '') ? (name as View) : 'overview';
  return { view, detail: rest.length ? decodeURIComponent(rest.join('/')) : null };
}

export function App() {
  const [route, setRoute] = useState(routeFromHash());
  const [toast, setToast] = useState<{ message: string; isError: boolean } | null>(null);
  const context = useData(() => getJson<ShopContext>('/api/admin/context'));
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
    window.addEventListener('hashchange', onHash);
    onStandaloneToast((message, isError) => {
      setToast({ message, isError });
      setTimeout(() => setToast(null), 4000);
    });
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const view = route.view;
  const title = t(`nav.${view}`);
  const shop = context.data ?? null;
  if (shop) setTimeZone(shop.timezone);
  useEffect(() => {
    document.title = `${title} · ${shop?.name ?? t('app.name')}`;
  }, [title, shop?.name]);
  const go = (next: string) => {
    location.hash = `#/${next}`;
  };
  const embedded = isEmbedded();
  return (
    <Shop.Provider value={shop}>
      <div class="page">
        {embedded && (
          <>
            {/* App Bridge renders these in the admin's chrome: the app's navigation and the title bar. */}
            <ui-nav-menu>
              {VIEWS.map((v) => <a key={v} href={`/#/${v}`} rel={v === 'overview' ? 'home' : undefined}>{t(`nav.${v}`)}</a>)}
            </ui-nav-menu>
            <ui-title-bar title={title} />
          </>
        )}
        <header class="top">
          <div>
            <p class="eyebrow">{shop?.name ? <bdi>{shop.name}</bdi> : t('app.name')}</p>
            <h1>{title}</h1>
          </div>
        </header>
        {!embedded && (
          <nav class="tabs" aria-label={t('nav.label')}>
            {VIEWS.map((v) => (
              <a key={v} href={`#/${v}`} aria-current={v === view ? 'page' : undefined}>{t(`nav.${v}`)}</a>
            ))}
          </nav>
        )}
        <main>
          {context.error ? (
            <ErrorBanner error={context.error} retry={context.reload} />
          ) : !shop ? (
            <Loading />
          ) : (
            <>
              {view === 'overview' && <OverviewView go={go} />}
              {view === 'fixes' && <FixesView open={route.detail} />}
              {view === 'pages' && <PagesView />}
              {view === 'checkout' && <CheckoutView />}
              {view === 'links' && <LinksView />}
              {view === 'settings' && <SettingsView saved={context.reload} />}
            </>
          )}
        </main>
        {toast && <div class={`toast ${toast.isError ? 'error' : ''}`} role="status">{toast.message}</div>}
      </div>
    </Shop.Provider>
  );
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'ui-nav-menu': { children?: unknown };
      'ui-title-bar': { title?: string; children?: unknown };
    }
  }
}
