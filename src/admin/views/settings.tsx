// Settings: schedule and devices, budgets, alert channels with "send test alert", store inputs (marking the
// ones Shopify supplies), signed request headers.
import { useState } from 'preact/hooks';
import { getJson, sendJson } from '../api.ts';
import { toast } from '../app-bridge.ts';
import { Badge, Card, ErrorBanner, Loading, useData } from '../components.tsx';
import { fmt, t } from '../i18n.ts';

interface Inputs {
  monthlySessions?: number | null;
  conversionRate?: number | null;
  averageOrderValue?: number | null;
}
interface SettingsData {
  mode: string;
  currency: string;
  schedulesEditable: boolean;
  schedule: { every: string; enabled: boolean; timezone: string; nextRunAt: string | null } | null;
  audit: { devices: string };
  budgets: unknown;
  alertChannels: { email?: string; webhookUrl?: string };
  emailConfigured: boolean;
  storeInputs: Inputs;
  shopifyInputs: Inputs | null;
  signedHeaders: Array<{ name: string; hasValue: boolean }>;
}

const num = (v: string) => (v.trim() === '' ? null : Number(v));

function Form(props: { data: SettingsData; saved: () => void }) {
  const d = props.data;
  const [every, setEvery] = useState(d.schedule?.every ?? 'daily');
  const [enabled, setEnabled] = useState(d.schedule?.enabled ?? true);
  const [devices, setDevices] = useState(d.audit.devices);
  const [budgets, setBudgets] = useState(JSON.stringify(d.budgets ?? {}, null, 2));
  const [email, setEmail] = useState(d.alertChannels.email ?? '');
  const [webhookUrl, setWebhook] = useState(d.alertChannels.webhookUrl ?? '');
  const [inputs, setInputs] = useState<Record<string, string>>({
    monthlySessions: String(d.storeInputs.monthlySessions ?? ''),
    conversionRate: String(d.storeInputs.conversionRate ?? ''),
    averageOrderValue: String(d.storeInputs.averageOrderValue ?? ''),
  });
  const [headers, setHeaders] = useState(d.signedHeaders.map((h) => ({ name: h.name, value: undefined as string | undefined, hasValue: h.hasValue })));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setProblem(null);
    let parsedBudgets: unknown;
    try {
      parsedBudgets = JSON.parse(budgets || '{}');
    } catch {
      setProblem(t('settings.budgetsJson'));
      return;
    }
    setBusy(true);
    try {
      await sendJson('PUT', '/api/admin/settings', {
        ...(d.schedulesEditable ? { schedule: { every, enabled } } : {}),
        audit: { devices },
        budgets: parsedBudgets,
        alertChannels: { email, webhookUrl },
        storeInputs: { monthlySessions: num(inputs.monthlySessions ?? ''), conversionRate: num(inputs.conversionRate ?? ''), averageOrderValue: num(inputs.averageOrderValue ?? '') },
        signedHeaders: headers.filter((h) => h.name.trim()).map((h) => ({ name: h.name.trim(), ...(h.value !== undefined ? { value: h.value } : {}) })),
      });
      toast(t('settings.saved'));
      props.saved();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function testAlert() {
    try {
      await sendJson('POST', '/api/admin/alerts/test');
      toast(t('settings.testSent'));
    } catch (error) {
      toast((error as Error).message, true);
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

  return (
    <form onSubmit={(e) => void save(e)}>
      {problem && <div class="banner critical" role="alert">{problem}</div>}
      <Card title={t('settings.schedule')} id="schedule">
        {!d.schedulesEditable && <p class="banner warning">{t('settings.noJobs')}</p>}
        <label for="s-every">{t('settings.every')}</label>
        <select id="s-every" value={['daily', 'weekly'].includes(every) ? every : 'cron'} disabled={!d.schedulesEditable} onChange={(e) => setEvery(e.currentTarget.value === 'cron' ? '0 3 * * *' : e.currentTarget.value)}>
          <option value="daily">{t('settings.daily')}</option>
          <option value="weekly">{t('settings.weekly')}</option>
          <option value="cron">{t('settings.cron')}</option>
        </select>
        {!['daily', 'weekly'].includes(every) && (
          <>
            <label for="s-cron">{t('settings.cronExpr')}</label>
            <input id="s-cron" value={every} onInput={(e) => setEvery(e.currentTarget.value)} />
          </>
        )}
        <label class="row">
          <input type="checkbox" style="inline-size:auto" checked={enabled} disabled={!d.schedulesEditable} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          {t('settings.enabled')}
        </label>
        {d.schedule?.nextRunAt && <p class="muted">{t('overview.nextRun')}: {fmt().date(d.schedule.nextRunAt)} ({d.schedule.timezone})</p>}
        <label for="s-devices">{t('settings.devices')}</label>
        <select id="s-devices" value={devices} onChange={(e) => setDevices(e.currentTarget.value)}>
          <option value="both">{t('settings.both')}</option>
          <option value="mobile">{t('settings.mobile')}</option>
          <option value="desktop">{t('settings.desktop')}</option>
        </select>
      </Card>
      <Card title={t('settings.budgets')} id="budgets">
        <label for="s-budgets">{t('settings.budgetsHelp')}</label>
        <textarea id="s-budgets" value={budgets} onInput={(e) => setBudgets(e.currentTarget.value)} />
      </Card>
      <Card title={t('settings.alerts')} id="alerts">
        <label for="s-email">{t('settings.email')}</label>
        <input id="s-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        {!d.emailConfigured && <p class="muted">{t('settings.noSmtp')}</p>}
        <label for="s-webhook">{t('settings.webhook')}</label>
        <input id="s-webhook" type="url" value={webhookUrl} onInput={(e) => setWebhook(e.currentTarget.value)} />
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
            <input aria-label={t('settings.headerName')} value={h.name} onInput={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))} />
            <input aria-label={t('settings.headerValue')} type="password" placeholder={h.hasValue ? '••••••' : ''} value={h.value ?? ''} onInput={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)))} />
            <button class="btn" type="button" onClick={() => setHeaders(headers.filter((_, j) => j !== i))}>{t('settings.remove')}</button>
          </div>
        ))}
        <button class="btn" type="button" onClick={() => setHeaders([...headers, { name: '', value: '', hasValue: false }])}>{t('settings.addHeader')}</button>
      </Card>
      <button class="btn primary" type="submit" disabled={busy}>{t('settings.save')}</button>
    </form>
  );
}

export function SettingsView() {
  const { data, error, loading, reload } = useData(() => getJson<SettingsData>('/api/admin/settings'));
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  return <Form data={data} saved={reload} />;
}
