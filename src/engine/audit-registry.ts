// The audits a run can include, in the order they run. Load time goes first, on a quiet machine.
import type { Audit } from '../../audits/types.ts';
import { checkoutAudit } from '../../audits/checkout/index.ts';
import { linksAudit } from '../../audits/links/index.ts';
import { loadTimeAudit } from '../../audits/load-time/index.ts';

export const AUDIT_IDS = ['load', 'checkout', 'links'] as const;
export type AuditId = (typeof AUDIT_IDS)[number];

// The audits' option types differ; each one validates its own options.
export const ALL_AUDITS: Audit<any, any>[] = [loadTimeAudit, checkoutAudit, linksAudit];
