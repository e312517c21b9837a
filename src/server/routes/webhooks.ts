// POST /api/webhooks: every Shopify webhook (app-specific subscriptions and the mandatory compliance topics).
// The body is kept as raw bytes and its HMAC checked by the library (X-Shopify-Hmac-Sha256, base64 HMAC-SHA256
// with the app secret, constant-time compare) before anything parses it as JSON. Refusals are the API's
// {error: {code, message, text}} bodies (errors catalogue); the library's own reason stays a machine code.
import express, { Router, type Request, type Response } from 'express';
import type { ServerContext } from '../deps.ts';
import { HttpError, sendError } from '../http-error.ts';
import { WebhookPayloadError } from '../../shopify/webhook-handlers.ts';

const MAX_WEBHOOK_BYTES = '1mb';

export function webhooksRouter(ctx: ServerContext): Router {
  const router = Router();
  const shopify = ctx.shopify;
  router.post('/', express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }), async (req: Request, res: Response) => {
    if (!shopify) {
      sendError(req, res, new HttpError(404, 'webhooks_standalone'));
      return;
    }
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const check = await shopify.shopify.api.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res });
    if (!check.valid) {
      const hmacProblem = check.reason === 'missing_hmac' || check.reason === 'invalid_hmac';
      ctx.logger.warn({ reason: check.reason }, 'webhook refused');
      const missing = 'missingHeaders' in check ? check.missingHeaders : [];
      sendError(req, res, hmacProblem
        ? new HttpError(401, 'webhook_signature_invalid', { extra: { reason: check.reason } })
        : new HttpError(400, 'webhook_headers_invalid', { params: { headers: { kind: 'code', value: missing.join(', ') } }, extra: { reason: check.reason, missingHeaders: missing } }));
      return;
    }
    if (!('webhookId' in check) || !check.webhookId) {
      sendError(req, res, new HttpError(400, 'webhook_headers_invalid', { params: { headers: { kind: 'code', value: 'X-Shopify-Webhook-Id' } }, extra: { missingHeaders: ['X-Shopify-Webhook-Id'] } }));
      return;
    }
    let payload: unknown;
    try {
      payload = rawBody ? JSON.parse(rawBody) : {};
    } catch {
      sendError(req, res, new HttpError(400, 'invalid_json'));
      return;
    }
    const triggeredHeader = req.get('x-shopify-triggered-at');
    const triggeredAt = triggeredHeader ? new Date(triggeredHeader) : null;
    if (triggeredAt && Number.isNaN(triggeredAt.getTime())) {
      sendError(req, res, new HttpError(400, 'webhook_headers_invalid', { params: { headers: { kind: 'code', value: 'X-Shopify-Triggered-At' } }, extra: { invalidHeaders: ['X-Shopify-Triggered-At'] } }));
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
        sendError(req, res, new HttpError(400, 'webhook_shop_mismatch'));
        return;
      }
      ctx.logger.error({ err: error, topic: check.topic, shop: check.domain }, 'webhook handler failed; Shopify will retry');
      // Shopify retries on any non-2xx; the body is the API's usual internal error, no detail.
      const requestId = String(res.locals.requestId ?? '');
      sendError(req, res, new HttpError(500, 'internal', { params: { requestId: { kind: 'code', value: requestId } } }));
    }
  });
  return router;
}
