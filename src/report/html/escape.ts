// Auto-escaping HTML templates: every interpolated value is escaped with escape-html unless it is markup this
// module produced itself (SafeHtml), so report data (URLs, error messages, app names) can never inject markup.
import escapeHtml from 'escape-html';

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Only http(s) links are clickable; anything else (javascript:, data:) is shown as text. */
export function link(url: string, label: string = url): SafeHtml {
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  return ok ? html`<a href="${url}" dir="ltr" rel="noopener noreferrer nofollow">${label}</a>` : html`<bdi dir="ltr">${label}</bdi>`;
}

/** A URL or code shown as text: left-to-right and isolated, so it reads right inside Hebrew or Persian. */
export function ltr(text: string): SafeHtml {
  return html`<bdi dir="ltr">${text}</bdi>`;
}
