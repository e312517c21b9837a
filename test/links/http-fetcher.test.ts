// The shared HTTP client: typed network errors, the body cap, signed-request headers, and the SSRF guard
// applied after DNS resolution and on every redirect hop. The servers here stand in for third-party sites.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, NO_BODY, decodedBody, followRedirects, readBody } from '../../audits/shared/http-fetcher.ts';
import { FetchError } from '../../audits/shared/fetch-errors.ts';
import { privateRangeOf } from '../../audits/shared/address-guard.ts';

let server: http.Server;
let base: string;
let port: number;
const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/to-loopback-literal') return void res.writeHead(302, { location: `http://127.0.0.2:${port}/ok` }).end();
    if (req.url === '/to-ok') return void res.writeHead(301, { location: '/ok' }).end();
    if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(200_000));
    if (req.url === '/hang') return; // never answers
    if (req.url === '/early-hints') {
      res.writeEarlyHints({ link: '</theme.css>; rel=preload; as=style' });
      return void res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] }).end('<p>page</p>');
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function errorOf(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected a FetchError');
}

describe('address classification', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::ffff:10.0.0.1', 'private'],
  ])('%s is %s', (address, range) => {
    expect(privateRangeOf(address)).toBe(range);
  });

  it.each(['8.8.8.8', '23.227.38.65', '2606:4700::6810:85e5'])('%s is public', (address) => {
    expect(privateRangeOf(address)).toBeNull();
  });
});

describe('HttpClient', () => {
  it('answers a HEAD with the final status and headers and no body: interim 1xx skipped, cookies kept, abort and timeout as for GET', async () => {
    const client = new HttpClient({ allowPrivateAddresses: true, headersTimeoutMs: 300 });
    const head = await client.request(`${base}/early-hints`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html');
    expect(head.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(head.body).toBe(NO_BODY);
    expect(client.jar?.getCookieStringSync(base)).toBe('a=1; b=2');
    const chunks: unknown[] = [];
    for await (const chunk of decodedBody(head)) chunks.push(chunk);
    expect(chunks).toEqual([]);
    await client.discard(head);

    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller stopped')), 50);
    const aborted = await errorOf(client.request(`${base}/hang`, { method: 'HEAD', signal: controller.signal }));
    expect(aborted.message).toContain('caller stopped');
    expect((await errorOf(client.request(`${base}/hang`, { method: 'HEAD' }))).kind).toBe('timeout');
    // The connection is still good for the next request.
    expect((await client.request(`${base}/ok`, { method: 'HEAD' })).status).toBe(200);
    await client.close();
  });

  it('sends the extra (signed-request) headers with every request, redirect hops included', async () => {
    const client = new HttpClient({ allowPrivateAddresses: true, headers: { signature: 'sig1=:abc:', 'signature-agent': 'https://auditor.example' } });
    seen.length = 0;
    const { hops, response } = await followRedirects(client, `${base}/to-ok`);
    await client.discard(response);
    await client.close();
    expect(hops).toEqual([{ url: `${base}/to-ok`, status: 301 }]);
    expect(seen.map((s) => [s.url, s.headers.signature, s.headers['signature-agent']])).toEqual([
      ['/to-ok', 'sig1=:abc:', 'https://auditor.example'],
      ['/ok', 'sig1=:abc:', 'https://auditor.example'],
    ]);
  });

  it('in app mode refuses a loopback IP literal before connecting', async () => {
    const client = new HttpClient({ allowPrivateAddresses: false });
    seen.length = 0;
    const error = await errorOf(client.request(`${base}/ok`));
    await client.close();
    expect(error.kind).toBe('blocked-private-address');
    expect(seen).toEqual([]);
  });

  it('in app mode checks the address DNS returns (localhost → 127.0.0.1)', async () => {
    const client = new HttpClient({ allowPrivateAddresses: false });
    seen.length = 0;
    const error = await errorOf(client.request(`http://localhost:${port}/ok`));
    await client.close();
    expect(error.kind).toBe('blocked-private-address');
    expect(error.message).toMatch(/localhost resolves to 127\.0\.0\.1 \(loopback\)/);
    expect(seen).toEqual([]);
  });

  it('in app mode refuses a redirect hop to a private address while the public first hop passes', async () => {
    const client = new HttpClient({ allowPrivateAddresses: false, trustedAddresses: ['127.0.0.1'] });
    const literal = await errorOf(followRedirects(client, `${base}/to-loopback-literal`));
    expect(literal.kind).toBe('blocked-private-address');
    const ok = await followRedirects(client, `${base}/to-ok`);
    expect(ok.response.status).toBe(200);
    await client.discard(ok.response);
    await client.close();
  });

  it('classifies refused, timeout, DNS and TLS failures', async () => {
    const client = new HttpClient({ allowPrivateAddresses: true, headersTimeoutMs: 500 });
    expect((await errorOf(client.request('http://127.0.0.1:9/'))).kind).toBe('refused');
    expect((await errorOf(client.request(`${base}/hang`))).kind).toBe('timeout');
    expect((await errorOf(client.request('http://no-such-host.invalid/'))).kind).toBe('dns');
    expect((await errorOf(client.request(`https://127.0.0.1:${port}/`))).kind).toBe('tls');
    expect((await errorOf(client.request('ftp://example.com/'))).kind).toBe('invalid-url');
    await client.close();
  });

  it('caps the body: too-large error, or truncation when asked', async () => {
    const client = new HttpClient({ allowPrivateAddresses: true });
    const error = await errorOf(client.request(`${base}/big`).then((response) => readBody(response, 10_000)));
    expect(error.kind).toBe('too-large');
    const truncated = await readBody(await client.request(`${base}/big`), 10_000, 'truncate');
    expect(truncated).toMatchObject({ truncated: true });
    expect(truncated.buffer.length).toBe(10_000);
    await client.close();
  });
});
