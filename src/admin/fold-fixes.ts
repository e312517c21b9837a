// How the fix list reads to a merchant: variants of one page (/collections/sale, ?page=1, ?page=2) are one fix,
// and fixes worth next to nothing fold into "Also noticed" instead of crowding the ones that matter.
import type { Fix } from '../report/schema.ts';

export type Listed<F extends Fix = Fix> = F & { variants: string[] };

/** The page without its query and trailing slash: what a merchant means by "the same page". */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname.replace(/\/+$/, '') || '/'}`;
  } catch {
    return url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  }
}

function variantKey(fix: Fix): string {
  const what = fix.text?.title.id ?? fix.title.replace(/\S*[/?]\S*/g, '');
  const pages = [...new Set(fix.pages.map(pageKey))].sort().join(' ');
  return `${fix.category}|${what}|${pages}`;
}

/** One entry per fix, variants merged into the most valuable of them (money is not summed: it is one change). */
export function mergeVariants<F extends Fix>(fixes: F[]): Array<Listed<F>> {
  const groups = new Map<string, Array<Listed<F>>>();
  const order: string[] = [];
  for (const fix of fixes) {
    const key = variantKey(fix);
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    groups.get(key)?.push({ ...fix, variants: [] });
  }
  return order.map((key) => {
    const group = groups.get(key) as Array<Listed<F>>;
    const best = group.reduce((a, b) => (b.impact.revenuePerMonth.central > a.impact.revenuePerMonth.central ? b : a));
    const pages = [...new Set(group.flatMap((f) => f.pages))];
    return { ...best, pages, variants: group.filter((f) => f !== best).map((f) => f.id) };
  });
}

/** Below this a fix is "also noticed": under 1 unit of money a month, or under 2 % of the largest fix. */
export function foldThreshold(fixes: Fix[]): number {
  const top = Math.max(0, ...fixes.map((f) => f.impact.revenuePerMonth.central));
  return Math.max(1, top * 0.02);
}

export function foldFixes<F extends Fix>(fixes: F[]): { main: Array<Listed<F>>; also: Array<Listed<F>> } {
  const merged = mergeVariants(fixes);
  const threshold = foldThreshold(fixes);
  // Checkout blockers stay in the main list whatever their estimate: a broken checkout is never "also noticed".
  const keep = (f: Fix) => f.impact.revenuePerMonth.central >= threshold || f.category === 'checkout';
  return { main: merged.filter(keep), also: merged.filter((f) => !keep(f)) };
}
