// The shell: view navigation (hash routes, so one static document serves every view), the title, the App
// Bridge navigation menu and title bar when embedded, and the standalone toast.
import { useEffect, useState } from 'preact/hooks';
import { isEmbedded, onStandaloneToast } from './app-bridge.ts';
import { t } from './i18n.ts';
import { CheckoutView } from './views/checkout.tsx';
import { FixesView } from './views/fixes.tsx';
import { LinksView } from './views/links.tsx';
import { OverviewView } from './views/overview.tsx';
import { PagesView } from './views/pages.tsx';
import { SettingsView } from './views/settings.tsx';

export const VIEWS = ['overview', 'fixes', 'pages', 'checkout', 'links', 'settings'] as const;
type View = (typeof VIEWS)[number];

function viewFromHash(): View {
  const name = location.hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'overview';
}

export function App() {
  const [view, setView] = useState<View>(viewFromHash());
  const [toast, setToast] = useState<{ message: string; isError: boolean } | null>(null);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    onStandaloneToast((message, isError) => {
      setToast({ message, isError });
      setTimeout(() => setToast(null), 4000);
    });
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const title = t(`nav.${view}`);
  useEffect(() => {
    document.title = `${title} · Storefront Auditor`;
  }, [title]);
  const go = (next: string) => {
    location.hash = `#/${next}`;
  };
  const embedded = isEmbedded();
  return (
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
        <h1>{title}</h1>
      </header>
      {!embedded && (
        <nav class="tabs" aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <a key={v} href={`#/${v}`} aria-current={v === view ? 'page' : undefined}>{t(`nav.${v}`)}</a>
          ))}
        </nav>
      )}
      <main>
        {view === 'overview' && <OverviewView go={go} />}
        {view === 'fixes' && <FixesView />}
        {view === 'pages' && <PagesView />}
        {view === 'checkout' && <CheckoutView />}
        {view === 'links' && <LinksView />}
        {view === 'settings' && <SettingsView />}
      </main>
      {toast && <div class={`toast ${toast.isError ? 'error' : ''}`} role="status">{toast.message}</div>}
    </div>
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
