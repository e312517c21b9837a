// Budgets as a form a merchant can fill in (the limits most stores want: main content time per device, page
// jumps, broken links, checkout steps), with the full JSON (the advisor's budget schema) as an advanced view.
import { t } from './i18n.ts';

export type BudgetObject = {
  templates?: Record<string, Record<string, number>>;
  maxBrokenLinks?: number;
  maxRedirectChains?: number;
  checkout?: Record<string, number>;
  [key: string]: unknown;
};

type Field = { id: string; label: () => string; unit: string; get(b: BudgetObject): number | undefined; set(b: BudgetObject, v: number | undefined): BudgetObject };

function templateField(id: string, key: string, metric: string, label: () => string, unit: string): Field {
  return {
    id,
    label,
    unit,
    get: (b) => b.templates?.[key]?.[metric],
    set(b, v) {
      const templates = { ...(b.templates ?? {}) };
      const limits = { ...(templates[key] ?? {}) };
      if (v === undefined) delete limits[metric];
      else limits[metric] = v;
      if (Object.keys(limits).length) templates[key] = limits;
      else delete templates[key];
      const { templates: _old, ...rest } = b;
      return Object.keys(templates).length ? { ...rest, templates } : rest;
    },
  };
}

function topField(id: 'maxBrokenLinks' | 'maxRedirectChains', label: () => string): Field {
  return {
    id,
    label,
    unit: '',
    get: (b) => b[id],
    set(b, v) {
      const next = { ...b };
      if (v === undefined) delete next[id];
      else next[id] = v;
      return next;
    },
  };
}

const FIELDS: Field[] = [
  templateField('b-lcp-mobile', '*:mobile', 'lcpMs', () => t('budgets.lcpMobile'), 'ms'),
  templateField('b-lcp-desktop', '*:desktop', 'lcpMs', () => t('budgets.lcpDesktop'), 'ms'),
  templateField('b-cls', '*', 'cls', () => t('budgets.cls'), ''),
  topField('maxBrokenLinks', () => t('budgets.brokenLinks')),
  {
    id: 'b-steps',
    label: () => t('budgets.checkoutSteps'),
    unit: '',
    get: (b) => b.checkout?.maxSteps,
    set(b, v) {
      const checkout = { ...(b.checkout ?? {}) };
      if (v === undefined) delete checkout.maxSteps;
      else checkout.maxSteps = v;
      const { checkout: _old, ...rest } = b;
      return Object.keys(checkout).length ? { ...rest, checkout } : rest;
    },
  },
];

export function BudgetsForm(props: { value: BudgetObject; onChange: (next: BudgetObject) => void }) {
  return (
    <div class="form-grid">
      {FIELDS.map((field) => {
        const v = field.get(props.value);
        return (
          <div key={field.id}>
            <label for={field.id}>{field.label()}</label>
            <input
              id={field.id}
              type="number"
              inputMode="decimal"
              min="0"
              step={field.id === 'b-cls' ? '0.01' : '1'}
              placeholder={t('budgets.none')}
              value={v === undefined ? '' : String(v)}
              onInput={(e) => {
                const raw = e.currentTarget.value.trim();
                props.onChange(field.set(props.value, raw === '' ? undefined : Number(raw)));
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
