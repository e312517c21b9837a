// Settings, for the merchant: the storefront (standalone: a URL field; in Shopify: the shop's primary domain,
// read from the API), schedule and devices exactly as the server has them, budgets as a form (JSON as an
// advanced view), alerts and the weekly digest, store inputs (marking the ones Shopify supplies), signed
// request headers, and the merchant's names for the apps the latest audit found. Server configuration (mail transport and such) is the operator's, not shown here.
import { useState } from 'preact/hooks';
import { getJson, sendJson } from '../api.ts';
import { toast } from '../app-bridge.ts';
import { BudgetsForm, type BudgetObject } from '../budgets-form.tsx';
import { Badge, Card, errorText, ErrorBanner, Loading, useData } from '../components.tsx';
import { fmt, t } from '../i18n.ts';

interface Inputs {
  monthlySessions?: number | null;
  conversionRate?: number | null;
  averageOrderValue?: number | null;
}
interface SettingsData {
  mode: string;
  currency: string;
  storeUrl: string | null;
  storeUrlEditable: boolean;
  schedulesEditable: boolean;
  schedule: { every: string; enabled: boolean; timezone: string; nextRunAt: string | null } | null;
  audit: { devices: string };
  budgets: unknown;
  alertChannels: { email?: string; webhookUrl?: string };
  digest: { weekly: boolean };
  emailConfigured: boolean;
  storeInputs: Inputs;
  shopifyInputs: Inputs | null;
  signedHeaders: Array<{ name: string; hasValue: boolean }>;
  appNames: { renames: Record<string, string>; detected: Array<{ key: string | null; name: string; nameSource: string | null }> };
}

const num = (v: string) => (v.trim() === '' ? null : Number(v));

function Form(props: { data: SettingsData; saved: () => void }) {
  const d = props.data;
  const [storeUrl, setStoreUrl] = useState(d.storeUrl ?? '');
  const [every, setEvery] = useState(d.schedule?.every ?? 'daily');
  // No schedule yet: the form offers the default (daily, on), and says it starts once saved.
  const [enabled, setEnabled] = useState(d.schedule ? d.schedule.enabled : true);
  const [devices, setDevices] = useState(d.audit.devices);
  const [budgets, setBudgets] = useState<BudgetObject>((d.budgets ?? {}) as BudgetObject);
  const [budgetsJson, setBudgetsJson] = useState<string | null>(null);
  const [email, setEmail] = useState(d.alertChannels.email ?? '');
  const [webhookUrl, setWebhook] = useState(d.alertChannels.webhookUrl ?? '');
  const [digest, setDigest] = useState(d.digest.weekly);
  const [inputs, setInputs] = useState<Record<string, string>>({
    monthlySessions: String(d.storeInputs.monthlySessions ?? ''),
    conversionRate: String(d.storeInputs.conversionRate ?? ''),
    averageOrderValue: String(d.storeInputs.averageOrderValue ?? ''),
  });
  const [headers, setHeaders] = useState(d.signedHeaders.map((h) => ({ name: h.name, value: undefined as string | undefined, hasValue: h.hasValue })));
  // Only apps loaded through a theme app extension have a key the audit can be told a name for.
  const renamable = d.appNames.detected.filter((a): a is { key: string; name: string; nameSource: string | null } => a.key !== null);
  const [appNames, setAppNames] = useState<Record<string, string>>(Object.fromEntries(renamable.map((a) => [a.key, d.appNames.renames[a.key] ?? ''])));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setProblem(null);
    let parsedBudgets: unknown = budgets;
    if (budgetsJson !== null) {
      try {
        parsedBudgets = JSON.parse(budgetsJson || '{}');
      } catch {
        setProblem(t('settings.budgetsJson'));
        return;
      }
    }
    setBusy(true);
    try {
      await sendJson('PUT', '/api/admin/settings', {
        ...(d.storeUrlEditable && storeUrl.trim() !== (d.storeUrl ?? '') ? { storeUrl: storeUrl.trim() } : {}),
        ...(d.schedulesEditable ? { schedule: { every, enabled } } : {}),
        audit: { devices },
        budgets: parsedBudgets,
        alertChannels: { email, webhookUrl },
        digest: { weekly: digest },
        storeInputs: { monthlySessions: num(inputs.monthlySessions ?? ''), conversionRate: num(inputs.conversionRate ?? ''), averageOrderValue: num(inputs.averageOrderValue ?? '') },
        signedHeaders: headers.filter((h) => h.name.trim()).map((h) => ({ name: h.name.trim(), ...(h.value !== undefined ? { value: h.value } : {}) })),
        ...(renamable.length ? { appNames: Object.fromEntries(Object.entries(appNames).map(([key, name]) => [key, name.trim()])) } : {}),
      });
      toast(t('settings.saved'));
      props.saved();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  async function testAlert() {
    try {
      await sendJson('POST', '/api/admin/alerts/test');
      toast(t('settings.testSent'));
    } catch (error) {
      toast(errorText(error), true);
    }
  }

  const inputField = (key: keyof Inputs, label: string) => (
    <div>
      <label for={`in-${key}`}>
        {label} {d.shopifyInputs?.[key] != null && <Badge tone="info">{t('settings.fromShopify', { value: fmt().number(d.shopifyInputs[key] as number) })}</Badge>}
      </label>
      <input id={`in-${key}`} type="number" step="any" min="0" value={inputs[key]} onInput={(e) => setInputs({ ...inputs, [key]: e.currentTarget.value })} />
    </div>
  );
  const custom = !['daily', 'weekly'].includes(every);

  return (
    <form onSubmit={(e) => void save(e)}>
      {problem && <div class="banner critical" role="alert">{problem}</div>}
      <Card title={t('settings.storefront')} id="storefront">
        {d.storeUrlEditable ? (
          <>
            <label for="s-url">{t('settings.storeUrl')}</label>
            <input id="s-url" type="url" dir="ltr" inputMode="url" placeholder="https://" required={!d.storeUrl} value={storeUrl} onInput={(e) => setStoreUrl(e.currentTarget.value)} />
            <p class="muted">
              {/* The example URL is isolated left-to-right inside the Hebrew or Persian sentence. */}
              {t('settings.storeUrlHelp').split('{example}').map((part, i) => (
                <span key={i}>
                  {i > 0 && <bdi dir="ltr">https://shop.example.com</bdi>}
                  {part}
                </span>
              ))}
            </p>
          </>
        ) : (
          <p>
            {t('settings.storeUrlShopify')} <bdi dir="ltr">{d.storeUrl ?? '–'}</bdi>
          </p>
        )}
      </Card>
      <Card title={t('settings.schedule')} id="schedule">
        {!d.schedulesEditable && <p class="banner warning">{t('settings.noJobs')}</p>}
        <p data-testid="schedule-state">
          {d.schedule
            ? d.schedule.enabled
              ? t('settings.scheduleOn', { next: d.schedule.nextRunAt ? fmt().date(d.schedule.nextRunAt) : '–' })
              : t('settings.scheduleOff')
            : t('settings.scheduleNew')}
        </p>
        <label for="s-every">{t('settings.every')}</label>
        <select id="s-every" value={custom ? 'cron' : every} disabled={!d.schedulesEditable} onChange={(e) => setEvery(e.currentTarget.value === 'cron' ? '0 3 * * *' : e.currentTarget.value)}>
          <option value="daily">{t('settings.daily')}</option>
          <option value="weekly">{t('settings.weekly')}</option>
          <option value="cron">{t('settings.cron')}</option>
        </select>
        {custom && (
          <>
            <label for="s-cron">{t('settings.cronExpr')}</label>
            <input id="s-cron" dir="ltr" value={every} onInput={(e) => setEvery(e.currentTarget.value)} />
          </>
        )}
        <label class="row check">
          <input type="checkbox" checked={enabled} disabled={!d.schedulesEditable} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          {t('settings.enabled')}
        </label>
        <label for="s-devices">{t('settings.devices')}</label>
        <select id="s-devices" value={devices} onChange={(e) => setDevices(e.currentTarget.value)}>
          <option value="mobile">{t('settings.mobile')}</option>
          <option value="desktop">{t('settings.desktop')}</option>
          <option value="both">{t('settings.both')}</option>
        </select>
      </Card>
      <Card title={t('settings.budgets')} id="budgets">
        <p class="muted">{t('settings.budgetsIntro')}</p>
        <BudgetsForm
          value={budgets}
          onChange={(next) => {
            setBudgets(next);
            setBudgetsJson(null);
          }}
        />
        <details>
          <summary>{t('settings.budgetsAdvanced')}</summary>
          <label for="s-budgets">{t('settings.budgetsHelp')}</label>
          <textarea id="s-budgets" dir="ltr" spellcheck={false} value={budgetsJson ?? JSON.stringify(budgets, null, 2)} onInput={(e) => setBudgetsJson(e.currentTarget.value)} />
        </details>
      </Card>
      <Card title={t('settings.alerts')} id="alerts">
        <label for="s-email">{t('settings.email')}</label>
        <input id="s-email" type="email" dir="ltr" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        {!d.emailConfigured && <p class="muted">{t('settings.noEmail')}</p>}
        <label class="row check">
          <input type="checkbox" checked={digest} onChange={(e) => setDigest(e.currentTarget.checked)} />
          {t('settings.digest')}
        </label>
        <label for="s-webhook">{t('settings.webhook')}</label>
        <input id="s-webhook" type="url" dir="ltr" value={webhookUrl} onInput={(e) => setWebhook(e.currentTarget.value)} />
        <p>
          <button class="btn" type="button" onClick={() => void testAlert()}>{t('settings.testAlert')}</button>
        </p>
      </Card>
      <Card title={t('settings.inputs')} id="inputs">
        <p class="muted">{t('settings.inputsHelp', { currency: d.currency })}</p>
        {inputField('monthlySessions', t('settings.sessions'))}
        {inputField('conversionRate', t('settings.conversion'))}
        {inputField('averageOrderValue', t('settings.aov'))}
      </Card>
      <Card title={t('settings.headers')} id="headers">
        <p class="muted">{t('settings.headersHelp')}</p>
        {headers.map((h, i) => (
          <div class="row" key={i}>
            <input aria-label={t('settings.headerName')} dir="ltr" value={h.name} onInput={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))} />
            <input aria-label={t('settings.headerValue')} dir="ltr" type="password" placeholder={h.hasValue ? '••••••' : ''} value={h.value ?? ''} onInput={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)))} />
            <button class="btn" type="button" onClick={() => setHeaders(headers.filter((_, j) => j !== i))}>{t('settings.remove')}</button>
          </div>
        ))}
        <button class="btn" type="button" onClick={() => setHeaders([...headers, { name: '', value: '', hasValue: false }])}>{t('settings.addHeader')}</button>
      </Card>
      <Card title={t('settings.apps')} id="apps">
        <p class="muted">{t('settings.appsHelp')}</p>
        {renamable.length === 0 && <p class="muted">{t('settings.appsNone')}</p>}
        {renamable.map((app) => (
          <div key={app.key}>
            {/* The app's name as found is data (bdi); the card says what the field is for. */}
            <label for={`s-app-${app.key}`}><bdi>{app.name}</bdi></label>
            <input id={`s-app-${app.key}`} value={appNames[app.key] ?? ''} maxLength={80}
              onInput={(e) => setAppNames({ ...appNames, [app.key]: e.currentTarget.value })} />
          </div>
        ))}
      </Card>
      <button class="btn primary" type="submit" disabled={busy}>{t('settings.save')}</button>
    </form>
  );
}

export function SettingsView(props: { saved?: () => void }) {
  const { data, error, loading, reload } = useData(() => getJson<SettingsData>('/api/admin/settings'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  return (
    <Form
      data={data}
      saved={() => {
        reload();
        props.saved?.();
      }}
    />
  );
}
