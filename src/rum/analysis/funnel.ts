// Drop-off per checkout step from the pixel's funnel: distinct sessions reaching each step, and the share of
// the previous step's sessions that did not reach it (to cross-check the checkout journey audit).
export const FUNNEL_STEPS = [
  'page_viewed', 'product_viewed', 'product_added_to_cart', 'checkout_started', 'checkout_contact_info_submitted',
  'checkout_address_info_submitted', 'checkout_shipping_info_submitted', 'payment_info_submitted', 'checkout_completed',
] as const;

export interface FunnelStepRow {
  step: (typeof FUNNEL_STEPS)[number];
  sessions: number;
  /** Share of the previous measured step's sessions lost before this one; null for the first or when unmeasured. */
  dropOff: number | null;
}

export function funnelDropoff(counts: Record<string, number>): FunnelStepRow[] {
  let previous: number | null = null;
  return FUNNEL_STEPS.map((step) => {
    const sessions = counts[step] ?? 0;
    const dropOff = previous && previous > 0 ? Math.max(0, 1 - sessions / previous) : null;
    if (sessions > 0) previous = sessions;
    return { step, sessions, dropOff };
  });
}
