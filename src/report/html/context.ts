// What every partial needs: the report, the translator/formatter, and where artifacts live.
import type { I18n, MessageKey } from '../../i18n/index.ts';
import type { Report } from '../schema.ts';

export interface RenderContext {
  report: Report;
  i18n: I18n;
  currency: string;
  artifactsDir?: string;
}

export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** A catalogue label for a data value (a kind, a category, a step), or the value itself when none exists. */
export function labelOf(ctx: RenderContext, prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  const text = ctx.i18n.t(key);
  return text === key ? value : text;
}

/** A page template and device in the reader's language ("product page · phone"). */
export function sliceOf(ctx: RenderContext, template: string, device?: string): string {
  const parts = [ctx.i18n.msg({ id: `common.template.${template}` }, template)];
  if (device) parts.push(ctx.i18n.t(`device.${device}` as MessageKey));
  return parts.join(' · ');
}
