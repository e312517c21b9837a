// POST /admin/oauth/access_token, both grants the app uses (shopify.dev, "Exchange a session token for an
// access token" and "Expiring offline access tokens"):
// - token exchange: grant_type urn:ietf:params:oauth:grant-type:token-exchange with the session token as
//   subject_token; expiring=1 returns access_token + expires_in + refresh_token + refresh_token_expires_in;
// - refresh: grant_type refresh_token; returns a new pair and retires the refresh token that was spent.
import { jwtVerify } from 'jose';
import type { Request, Response } from 'express';
import type { StandInState } from './state.ts';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const OFFLINE = 'urn:shopify:params:oauth:token-type:offline-access-token';

export function accessTokenEndpoint(state: StandInState, shopOf: (req: Request) => string | undefined) {
  return async (req: Request, res: Response) => {
    const shop = shopOf(req);
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const record = (kind: 'token-exchange' | 'refresh', status: number) => state.requests.push({ at: Date.now(), shop: shop ?? '', kind, status });
    const kind = body.grant_type === 'refresh_token' ? 'refresh' : 'token-exchange';
    const known = shop ? state.shops.get(shop) : undefined;
    if (!shop || !known) {
      record(kind, 404);
      res.status(404).json({ errors: 'Not Found' });
      return;
    }
    if (body.client_id !== state.options.apiKey || body.client_secret !== state.options.apiSecret) {
      record(kind, 401);
      res.status(401).json({ error: 'invalid_client', error_description: 'Client authentication failed' });
      return;
    }
    if (body.grant_type === TOKEN_EXCHANGE) {
      try {
        const { payload } = await jwtVerify(body.subject_token ?? '', new TextEncoder().encode(state.options.apiSecret), {
          algorithms: ['HS256'],
          audience: state.options.apiKey,
          clockTolerance: 10,
        });
        if (payload.dest !== `https://${shop}`) throw new Error('token is for another shop');
      } catch {
        record(kind, 400);
        res.status(400).json({ error: 'invalid_subject_token', error_description: 'Session token is invalid' });
        return;
      }
      if (body.requested_token_type !== OFFLINE) {
        record(kind, 400);
        res.status(400).json({ error: 'unsupported_token_type', error_description: 'The stand-in issues offline tokens only' });
        return;
      }
      record(kind, 200);
      res.json(tokenPair(state, shop, known.scopes, body.expiring === '1'));
      return;
    }
    if (body.grant_type === 'refresh_token') {
      const issued = state.verify(body.refresh_token, 'refresh');
      if (!issued || issued.shop !== shop) {
        record(kind, 400);
        res.status(400).json({ error: 'invalid_grant', error_description: 'Refresh token is invalid, expired or already used' });
        return;
      }
      issued.revoked = true;
      record(kind, 200);
      res.json(tokenPair(state, shop, known.scopes, true));
      return;
    }
    record(kind, 400);
    res.status(400).json({ error: 'unsupported_grant_type' });
  };
}

function tokenPair(state: StandInState, shop: string, scopes: string[], expiring: boolean) {
  const { accessTokenTtlSeconds, refreshTokenTtlSeconds } = state.options;
  if (!expiring) return { access_token: state.issue(shop, 'access', 10 * 365 * 86_400), scope: scopes.join(',') };
  return {
    access_token: state.issue(shop, 'access', accessTokenTtlSeconds),
    expires_in: accessTokenTtlSeconds,
    refresh_token: state.issue(shop, 'refresh', refreshTokenTtlSeconds),
    refresh_token_expires_in: refreshTokenTtlSeconds,
    scope: scopes.join(','),
  };
}
