// Document loads inside the admin whose session token is missing or stale are sent here (the
// `/session-token-bounce` pattern): App Bridge loads, gets a fresh token, and reloads `shopify-reload` with it.
import type { Request, Response } from 'express';

export const APP_BRIDGE_URL = 'https://cdn.shopify.com/shopifycloud/app-bridge.js';

export function sessionTokenBounce(apiKey: string) {
  return (_req: Request, res: Response) => {
    res
      .status(200)
      .type('html')
      .send(`<!doctype html><html><head><meta name="shopify-api-key" content="${encodeURIComponent(apiKey)}"><script src="${APP_BRIDGE_URL}"></script></head><body></body></html>`);
  };
}
