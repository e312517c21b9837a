// Where alerts go: email over SMTP (nodemailer) and a webhook with a Slack-compatible JSON body. A failed
// delivery throws, so the alert stays unannounced and is tried again after the next run.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Severity } from './alert-conditions.ts';
import { postWebhook } from './webhook-target.ts';

export interface AlertNotice {
  shop: string;
  storeUrl: string;
  key: string;
  kind: 'firing' | 'recovered';
  severity: Severity;
  title: string;
  lines: string[];
  runId: number;
}

export interface Notifier {
  readonly channel: string;
  send(notice: AlertNotice): Promise<void>;
  close?(): void;
}

export function subjectOf(notice: AlertNotice): string {
  if (notice.kind === 'recovered') return `[Resolved] ${notice.title} – ${notice.shop}`;
  return `${notice.severity === 'critical' ? '[URGENT] ' : ''}${notice.title} – ${notice.shop}`;
}

function bodyOf(notice: AlertNotice): string {
  const intro = notice.kind === 'recovered' ? 'This condition has cleared:' : `Found by audit run #${notice.runId} of ${notice.storeUrl}:`;
  return [intro, '', ...notice.lines.map((l) => `• ${l}`)].join('\n');
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
      { type: 'context', elements: [{ type: 'mrkdwn', text: `alert \`${notice.key}\` · ${notice.kind} · run #${notice.runId}` }] },
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
