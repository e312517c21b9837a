// What every partial needs: the report, the translator/formatter, and where artifacts live.
import type { I18n } from '../../i18n/index.ts';
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
