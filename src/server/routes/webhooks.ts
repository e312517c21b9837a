// POST /api/webhooks: every Shopify webhook (app-specific subscriptions and the mandatory compliance topics).
// The body is kept as raw bytes and its HMAC checked by the library (X-Shopify-Hmac-Sha256, base64 HMAC-SHA256
// with the app secret, constant-time compare) before anything parses it as JSON.
import express, { Router, type Request, type Response } from 'express';
import type { ServerContext } from '../deps.ts';
import { WebhookPayloadError } from '../../shopify/webhook-handlers.ts';

const MAX_WEBHOOK_BYTES = '1mb';

export function webhooksRouter(ctx: ServerContext): Router {
  const router = Router();
  const shopify = ctx.shopify;
  router.post('/', express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }), async (req: Request, res: Response) => {
    if (!shopify) {
      res.status(404).json({ error: 'webhooks need Shopify credentials (standalone mode)' });
      return;
    }
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const check = await shopify.shopify.api.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res });
    if (!check.valid) {
      const hmacProblem = check.reason === 'missing_hmac' || check.reason === 'invalid_hmac';
      ctx.logger.warn({ reason: check.reason }, 'webhook refused');
      res.status(hmacProblem ? 401 : 400).json({ error: check.reason, ...('missingHeaders' in check && { missingHeaders: check.missingHeaders }) });
      return;
    }
    if (!('webhookId' in check) || !check.webhookId) {
      res.status(400).json({ error: 'missing X-Shopify-Webhook-Id' });
      return;
    }
    let payload: unknown;
    try {
      payload = rawBody ? JSON.parse(rawBody) : {};
    } catch {
      res.status(400).json({ error: 'webhook body is not JSON' });
      return;
    }
    const triggeredHeader = req.get('x-shopify-triggered-at');
    const triggeredAt = triggeredHeader ? new Date(triggeredHeader) : null;
    if (triggeredAt && Number.isNaN(triggeredAt.getTime())) {
      res.status(400).json({ error: 'X-Shopify-Triggered-At is not a date' });
      return;
    }
    try {
      const outcome = await shopify.handleWebhook({
        topic: check.topic,
        shop: check.domain,
        webhookId: check.webhookId,
        eventId: req.get('x-shopify-event-id') ?? null,
        triggeredAt,
        payload,
      });
      res.status(200).json({ outcome });
    } catch (error) {
      if (error instanceof WebhookPayloadError) {
        ctx.logger.warn({ topic: check.topic, shop: check.domain, reason: error.message }, 'webhook refused');
        res.status(400).json({ error: 'payload does not match its headers' });
        return;
      }
      ctx.logger.error({ err: error, topic: check.topic, shop: check.domain }, 'webhook handler failed; Shopify will retry');
      res.status(500).json({ error: 'handler failed' });
    }
  });
  return router;
}
