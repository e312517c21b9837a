// Where alerts go: email over SMTP (nodemailer) and a webhook with a Slack-compatible JSON body. A failed
// delivery throws, so the alert stays unannounced and is tried again after the next run.
// Every word is a message of the 'alerts' catalogue, rendered in the shop's language when the notice is sent.
import nodemailer, { type Transporter } from 'nodemailer';
import { formatMessage, resolveLocale } from '../i18n/format-message.ts';
import { alertMessage } from '../i18n/messages/alerts.ts';
import { count, url } from '../report/message.ts';
import escapeHtml from 'escape-html';
import type { Message } from '../report/schema.ts';
import type { Severity } from './alert-conditions.ts';
import { postWebhook } from './webhook-target.ts';

export interface AlertNotice {
  shop: string;
  storeUrl: string;
  key: string;
  kind: 'firing' | 'recovered';
  severity: Severity;
  title: Message;
  lines: Message[];
  runId: number;
  /** The shop's language and time zone (default English, UTC). */
  locale?: string;
  timeZone?: string;
}

/** One message of the notice in the shop's language; URLs and names isolated only where the text runs right to left. */
function say(notice: AlertNotice, message: Message): string {
  const locale = resolveLocale(notice.locale);
  return formatMessage(message, locale, { timeZone: notice.timeZone, isolate: locale === 'he' || locale === 'fa' });
}

export interface Notifier {
  readonly channel: string;
  send(notice: AlertNotice): Promise<void>;
  close?(): void;
}

export function subjectOf(notice: AlertNotice): string {
  const params = { title: { kind: 'message' as const, value: notice.title }, shop: notice.shop };
  const key = notice.kind === 'recovered' ? 'subjectResolved' : notice.severity === 'critical' ? 'subjectUrgent' : 'subject';
  return say(notice, alertMessage(key, params));
}

function introOf(notice: AlertNotice): Message {
  return notice.kind === 'recovered' ? alertMessage('introRecovered') : alertMessage('introFiring', { run: count(notice.runId), url: url(notice.storeUrl) });
}

function bodyOf(notice: AlertNotice): string {
  return [say(notice, introOf(notice)), '', ...notice.lines.map((l) => `• ${say(notice, l)}`)].join('\n');
}

/** The HTML part sets the language and direction, so a Hebrew or Persian alert reads right to left. */
function htmlOf(notice: AlertNotice): string {
  const lang = resolveLocale(notice.locale);
  const dir = lang === 'he' || lang === 'fa' ? 'rtl' : 'ltr';
  const items = notice.lines.map((l) => `<li>${escapeHtml(say(notice, l))}</li>`).join('');
  return `<!doctype html><html lang="${lang}" dir="${dir}"><body><p>${escapeHtml(say(notice, introOf(notice)))}</p><ul>${items}</ul></body></html>`;
}

export function emailNotifier(smtpUrl: string, from: string, to: string[]): Notifier {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    channel: 'email',
    async send(notice) {
      await transport.sendMail({
        from,
        to,
        subject: subjectOf(notice),
        text: bodyOf(notice),
        html: htmlOf(notice),
        priority: notice.severity === 'critical' && notice.kind === 'firing' ? 'high' : 'normal',
        headers: { 'X-Storefront-Alert': `${notice.key}; ${notice.kind}` },
      });
    },
    close: () => transport.close(),
  };
}

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** One mail through the same SMTP channel as the alerts (the weekly digest uses it). Throws when not delivered. */
export async function sendMail(smtpUrl: string, mail: Mail): Promise<void> {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/** Slack incoming-webhook shape (`text` + Block Kit `blocks`); other chat tools accept the `text` field. */
export function slackBody(notice: AlertNotice): Record<string, unknown> {
  const icon = notice.kind === 'recovered' ? ':white_check_mark:' : notice.severity === 'critical' ? ':rotating_light:' : ':warning:';
  const text = `${icon} ${subjectOf(notice)}`;
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: subjectOf(notice).slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: bodyOf(notice).slice(0, 3000) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: say(notice, alertMessage(notice.kind === 'recovered' ? 'contextRecovered' : 'contextFiring', { key: `\`${notice.key}\``, run: count(notice.runId) })) }] },
    ],
  };
}

export interface WebhookNotifierOptions {
  /** Standalone mode only; in app mode private, loopback, link-local and metadata targets are refused (webhook-target.ts). */
  allowPrivateAddresses?: boolean;
  timeoutMs?: number;
}

export function webhookNotifier(url: string, options: WebhookNotifierOptions = {}): Notifier {
  return {
    channel: 'webhook',
    async send(notice) {
      const answer = await postWebhook(url, slackBody(notice), { allowPrivateAddresses: options.allowPrivateAddresses ?? false, timeoutMs: options.timeoutMs });
      if (answer.status < 200 || answer.status > 299) throw new WebhookDeliveryError(answer.status);
    },
  };
}

/** The webhook answered, but not with 2xx (a redirect counts: it is never followed). */
export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
  readonly status: number;
  constructor(status: number) {
    super(`webhook answered ${status}`);
    this.status = status;
  }
}
