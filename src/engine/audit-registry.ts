// The audits a run can include, in the order they run. Load time goes first, on a quiet machine. Each audit
// module is loaded only when a run selects it: `--only links` never loads Lighthouse.
import type { Audit } from '../../audits/types.ts';

export const AUDIT_IDS = ['load', 'checkout', 'links'] as const;
export type AuditId = (typeof AUDIT_IDS)[number];

// The audits' option types differ; each one validates its own options.
const LOADERS: Record<AuditId, () => Promise<Audit<any, any>>> = {
  load: async () => (await import('../../audits/load-time/index.ts')).loadTimeAudit,
  checkout: async () => (await import('../../audits/checkout/index.ts')).checkoutAudit,
  links: async () => (await import('../../audits/links/index.ts')).linksAudit,
};

/** The selected audits (every audit without `only`), loaded, in run order. */
export function loadAudits(only?: readonly AuditId[]): Promise<Audit<any, any>[]> {
  return Promise.all(AUDIT_IDS.filter((id) => !only || only.includes(id)).map((id) => LOADERS[id]()));
}
