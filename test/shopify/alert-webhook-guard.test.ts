// SSRF through the alert webhook URL (issue #16, item 6), in app mode against the stand-in: a private target
// is refused when the setting is saved (400 with a stable code, nothing saved), and again when a notice is
// sent, at connect time, so a name that passed at save and now resolves to loopback (DNS rebinding) or a
// setting stored before the guard existed never gets a byte. Redirects are never followed.
import { once } from 'node:events';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDeliveryError, webhookNotifier, type AlertNotice } from '../../src/jobs/notifiers.ts';
import { WebhookTargetRefusedError } from '../../src/jobs/webhook-target.ts';
import { sqliteBackend } from '../store/backends.ts';
import { startHarness, type Harness } from './harness.ts';

const SHOP = 'hooks.myshopify.com';
const backend = sqliteBackend();
let h: Harness;
let token: string;

interface Listener {
  server: Server;
  port: number;
  received: string[];
}

async function listen(answer: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void): Promise<Listener> {
  const received: string[] = [];
  const server = createHttpServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    req.resume();
    answer(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, received };
}

let inside: Listener;

beforeAll(async () => {
  inside = await listen((_req, res) => res.writeHead(200).end());
  h = await startHarness(backend, {
    // Save-time answers: `localhost` plays a rebinding name (public when saved; the system resolver says loopback
    // when the notice is sent), `rebind.example` a mixed answer, `*.example` public, `.invalid` nothing.
    resolveHost: async (host) => {
      if (host === 'localhost') return ['23.227.38.65'];
      if (host === 'rebind.example') return ['8.8.8.8', '169.254.169.254'];
      if (host.endsWith('.example')) return ['23.227.38.65'];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    },
  });
  h.standIn.addShop({ shop: SHOP, primaryDomain: 'hooks-shop.example' });
  token = await h.standIn.sessionToken(SHOP);
  expect((await h.api('/api/shop', { token })).status).toBe(200);
});

afterAll(async () => {
  await h?.close();
  inside?.server.close();
  await backend.cleanup();
});

const saveWebhook = (webhookUrl: string) =>
  h.api('/api/admin/settings', { method: 'PUT', token, body: JSON.stringify({ alertChannels: { webhookUrl } }) });

describe('alert webhook URL in app mode', () => {
  it('is refused at save when it names or resolves to a private, loopback, link-local or metadata address', async () => {
    const refused = [
      'http://169.254.169.254/latest/meta-data/',
      `http://127.0.0.1:${inside.port}/hook`,
      'http://10.0.0.8/hook',
      'http://192.168.1.1/',
      'http://[::1]:8080/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00:ec2::254]/',
      'http://0.0.0.0/',
      'http://100.64.0.1/',
      'http://rebind.example/hook',
    ];
    for (const url of refused) {
      const response = await saveWebhook(url);
      expect(response.status, url).toBe(400);
      const body = await response.json();
      expect(body.error.code, url).toBe('alert_webhook_not_public');
      // The answer carries no parameters (no address, range or network error): it is not a probe either.
      expect(body.error.text, url).toEqual({ id: 'errors.alert_webhook_not_public' });
      expect(JSON.stringify(body), url).not.toMatch(/169\.254|127\.0|10\.0|ECONN/);
    }
    const unresolvable = await saveWebhook('https://hooks.invalid/x');
    expect(unresolvable.status).toBe(400);
    expect((await unresolvable.json()).error.code).toBe('alert_webhook_unresolvable');
    expect(await h.store.settings.get(SHOP, 'alertChannels')).toBeNull();
    expect(inside.received).toEqual([]);

    expect((await saveWebhook('https://hooks.example/services/T0/B0/x')).status).toBe(200);
    expect(await h.store.settings.get(SHOP, 'alertChannels')).toEqual({ webhookUrl: 'https://hooks.example/services/T0/B0/x' });
  });

  it('is refused at send when the name now resolves to loopback (DNS rebinding): 422, nothing reaches the target', async () => {
    expect((await saveWebhook(`http://localhost:${inside.port}/hook`)).status).toBe(200);
    const response = await h.api('/api/admin/alerts/test', { method: 'POST', token });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('alert_webhook_not_public');
    expect(inside.received).toEqual([]);
  });

  it('is refused at send when a private URL was stored before the guard (the test button and real alerts)', async () => {
    await h.store.settings.set(SHOP, 'alertChannels', { webhookUrl: `http://127.0.0.1:${inside.port}/old` });
    expect((await h.api('/api/admin/alerts/test', { method: 'POST', token })).status).toBe(422);
    // The jobs layer's notifier in app mode (allowPrivateAddresses false, its default).
    const notice: AlertNotice = { shop: SHOP, storeUrl: 'https://hooks-shop.example', key: 'k', kind: 'firing', severity: 'warning', title: { id: 'alerts.testTitle' }, lines: [], runId: 1 };
    await expect(webhookNotifier(`http://127.0.0.1:${inside.port}/old`).send(notice)).rejects.toBeInstanceOf(WebhookTargetRefusedError);
    await expect(webhookNotifier(`http://localhost:${inside.port}/old`).send(notice)).rejects.toBeInstanceOf(WebhookTargetRefusedError);
    expect(inside.received).toEqual([]);
    // Standalone's allowance reaches the same listener, so the refusals above were the guard, not the network.
    await webhookNotifier(`http://127.0.0.1:${inside.port}/old`, { allowPrivateAddresses: true }).send(notice);
    expect(inside.received).toEqual(['POST /old']);
    inside.received.length = 0;
  });

  it('never follows a redirect: a 307 is a failed delivery and its Location gets nothing', async () => {
    const bouncer = await listen((_req, res) => res.writeHead(307, { location: `http://127.0.0.1:${inside.port}/bounced` }).end());
    try {
      const notice: AlertNotice = { shop: SHOP, storeUrl: '', key: 'k', kind: 'firing', severity: 'warning', title: { id: 'alerts.testTitle' }, lines: [], runId: 1 };
      const error = await webhookNotifier(`http://127.0.0.1:${bouncer.port}/hook`, { allowPrivateAddresses: true }).send(notice).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookDeliveryError);
      expect((error as WebhookDeliveryError).status).toBe(307);
      expect(bouncer.received).toEqual(['POST /hook']);
      expect(inside.received).toEqual([]);
    } finally {
      bouncer.server.close();
    }
  });
});
