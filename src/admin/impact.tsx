// Money with context: the total at stake across all fixes (the advisor's impactSummary: computed jointly, so
// never the plain sum), its share of monthly revenue, and every input the figures rest on with where it came
// from (Shopify, real visitors, entered, assumed), with a link to edit the ones the merchant can enter.
import type { Report } from '../report/schema.ts';
import type { AdminKey } from '../i18n/admin.ts';
import { Badge, Card } from './components.tsx';
import { fmt, money, t } from './i18n.ts';

type Summary = NonNullable<Report['impactSummary']>;
type Input = Summary['inputs'][number];

const EDITABLE = new Set(['monthlySessions', 'conversionRate', 'averageOrderValue']);
const SOURCE_TONE: Record<string, 'success' | 'info' | 'warning' | undefined> = { shopify: 'success', 'shopify-field': 'success', rum: 'success', entered: 'info', config: 'info', cli: 'info', default: 'warning' };

/** The inputs of an older report (`report.inputs`: { name: { value, source } }, `assumed: [names]`) as a list. */
export function legacyInputs(inputs: Record<string, unknown> | null | undefined): Input[] {
  if (!inputs) return [];
  const assumed = new Set(Array.isArray(inputs.assumed) ? (inputs.assumed as string[]) : []);
  const out: Input[] = [];
  for (const [name, v] of Object.entries(inputs)) {
    if (typeof v !== 'object' || v === null || !('value' in v) || !('source' in v)) continue;
    const raw = String((v as { source: unknown }).source);
    const source = (assumed.has(name) ? 'default' : ['shopify', 'rum', 'shopify-field', 'cli', 'config', 'entered', 'default'].includes(raw) ? raw : 'config') as Input['source'];
    out.push({ name, value: (v as { value: unknown }).value, source });
  }
  return out;
}

/** "home:mobile" as "home page, phone" in the reader's language. */
export function sliceLabel(key: string): string {
  const [template, device] = key.split(':');
  const f = fmt();
  const parts = [f.msg({ id: `common.template.${template}` }, template)];
  if (device) parts.push(f.msg({ id: `common.device.${device}` }, device));
  return parts.join(' · ');
}

function shares(v: Record<string, unknown>, kind: 'template' | 'device'): string {
  const f = fmt();
  return Object.entries(v)
    .filter(([, x]) => typeof x === 'number')
    .map(([k, x]) => `${f.msg({ id: `common.${kind}.${k}` }, k)} ${f.percent((x as number) * 100)}`)
    .join(' · ');
}

function showValue(input: Input, currency: string): string {
  const f = fmt();
  if (input.text) return f.msg(input.text);
  const v = input.value;
  const base = input.name.split('.')[0];
  if (typeof v === 'number') {
    if (base === 'averageOrderValue') return money(v, currency);
    if (base === 'conversionRate' || base === 'checkoutAbandonment') return f.percent(v <= 1 ? v * 100 : v);
    return f.number(v, { maximumFractionDigits: 2 });
  }
  if (typeof v === 'string') return base === 'checkoutNotTested' ? f.msg({ id: `checkout.step.${v}` }, v) : v;
  if (v && typeof v === 'object') {
    const r = v as { low?: number; central?: number; high?: number };
    if (typeof r.central === 'number' && typeof r.low === 'number' && typeof r.high === 'number') {
      if (base === 'fieldLcp') return `${f.ms(r.central)} (${f.ms(r.low)} – ${f.ms(r.high)})`;
      if (base === 'elasticity') return t('impact.elasticity', { central: f.percent(r.central), low: f.percent(r.low), high: f.percent(r.high) });
      return `${f.number(r.central, { maximumFractionDigits: 2 })} (${f.number(r.low, { maximumFractionDigits: 2 })} – ${f.number(r.high, { maximumFractionDigits: 2 })})`;
    }
    if (base === 'templateShares') return shares(v as Record<string, unknown>, 'template');
    if (base === 'deviceShares') return shares(v as Record<string, unknown>, 'device');
  }
  return '–';
}

function inputLabel(name: string): string {
  const [base, slice] = [name.split('.')[0] ?? name, name.split('.').slice(1).join('.')];
  const key = `input.${base}` as AdminKey;
  const label = t(key, { slice: slice ? sliceLabel(slice) : '' });
  return label === key ? name : label;
}

/** `decided` of the run's `fixes` are marked done or ignored: still in the total until an audit no longer finds them. */
export function ImpactTotal(props: { summary: Summary | null; decided?: number; fixes?: number }) {
  const s = props.summary;
  if (!s) return null;
  const c = s.totalAtStake.currency;
  // Fewer Lighthouse runs than the default make every speed figure a preview: say so beside the total.
  const measured = s.inputs.find((i) => i.name === 'lighthouseRuns')?.value;
  const runs = typeof measured === 'number' ? measured : null;
  return (
    <Card title={t('impact.total')} id="at-stake">
      <p class="score money" data-testid="total-at-stake">{t('fix.perMonth', { amount: money(s.totalAtStake.central, c) })}</p>
      <p class="muted">{t('fix.range', { low: money(s.totalAtStake.low, c), high: money(s.totalAtStake.high, c) })}</p>
      {(props.decided ?? 0) > 0 && (
        <p class="muted" data-testid="total-decided">{t('impact.decided', { n: props.decided ?? 0, total: props.fixes ?? 0 })}</p>
      )}
      {runs !== null && runs < 3 && (
        <p class="banner warning" data-testid="impact-preview">{t('impact.preview', { runs: fmt().number(runs) })}</p>
      )}
      <p>
        {t('impact.share', {
          share: fmt().percent(s.shareOfRevenue.central * 100),
          revenue: money(s.monthlyRevenue.central, s.monthlyRevenue.currency),
        })}
      </p>
    </Card>
  );
}

export function ImpactInputs(props: { inputs: Input[]; currency: string }) {
  if (props.inputs.length === 0) return null;
  return (
    <Card title={t('impact.inputs')} id="inputs-used" actions={<a class="btn" href="#/settings">{t('impact.edit')}</a>}>
      <p class="muted">{t('impact.inputsHelp')}</p>
      <ul class="inputs" data-testid="impact-inputs">
        {props.inputs.map((input) => (
          <li key={input.name} data-input={input.name} data-source={input.source}>
            <span>{inputLabel(input.name)}</span>
            <strong>{showValue(input, props.currency)}</strong>
            <Badge tone={SOURCE_TONE[input.source]}>{t(`source.${input.source}` as AdminKey)}</Badge>
            {EDITABLE.has(input.name) && input.source !== 'shopify' && (
              <a href="#/settings" class="edit">{t('impact.editOne')}</a>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
