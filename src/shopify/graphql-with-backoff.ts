// Shopify's Admin GraphQL API is rate limited by query cost, not request count. A throttled query comes back
// as HTTP 200 with an error whose extensions.code is THROTTLED, so a status check alone would miss it. We wait
// as long as the bucket needs to refill (from extensions.cost.throttleStatus), and retry 429/5xx with
// exponential backoff plus full jitter so many workers don't retry in lockstep.
import { GraphqlQueryError, HttpRetriableError, HttpThrottlingError } from './library.ts';

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface QueryCost {
  requestedQueryCost?: number;
  throttleStatus?: ThrottleStatus;
}

export interface GraphqlRequester {
  request(operation: string, options?: { variables?: Record<string, unknown>; retries?: number }): Promise<{
    data?: unknown;
    extensions?: Record<string, unknown>;
  }>;
}

export interface BackoffOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

export class AdminApiError extends Error {
  override name = 'AdminApiError';
}

export interface GraphqlResult<T> {
  data: T;
  throttleStatus: ThrottleStatus | undefined;
  attempts: number;
}

export async function requestWithBackoff<T>(
  client: GraphqlRequester,
  query: string,
  variables: Record<string, unknown> | undefined,
  options: BackoffOptions = {},
): Promise<GraphqlResult<T>> {
  const maxAttempts = options.maxAttempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 20_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    let delayMs: number;
    let reason: string;
    try {
      // retries: 0 so the client does not retry behind our back with its own fixed schedule.
      const response = await client.request(query, { variables, retries: 0 });
      const cost = response.extensions?.cost as QueryCost | undefined;
      return { data: response.data as T, throttleStatus: cost?.throttleStatus, attempts: attempt };
    } catch (error) {
      const decision = retryDecision(error, attempt, base, cap);
      if (!decision || attempt >= maxAttempts) {
        if (decision) throw new AdminApiError(`Admin API still failing after ${attempt} attempts: ${decision.reason}`);
        throw error;
      }
      ({ delayMs, reason } = decision);
    }
    options.onRetry?.({ attempt, delayMs, reason });
    await sleep(delayMs);
  }
}

function retryDecision(error: unknown, attempt: number, base: number, cap: number): { delayMs: number; reason: string } | null {
  const jittered = () => Math.round(Math.random() * Math.min(cap, base * 2 ** (attempt - 1)));
  if (error instanceof GraphqlQueryError) {
    const body = error.body as { errors?: { graphQLErrors?: { extensions?: { code?: string } }[] }; extensions?: { cost?: QueryCost } } | undefined;
    const throttled = body?.errors?.graphQLErrors?.some((e) => e.extensions?.code === 'THROTTLED');
    if (!throttled) return null;
    return { delayMs: Math.min(cap, refillDelay(body?.extensions?.cost) ?? jittered()), reason: 'THROTTLED' };
  }
  if (error instanceof HttpThrottlingError) {
    const retryAfter = error.response.retryAfter as number | undefined;
    return { delayMs: retryAfter ? Math.min(cap, retryAfter * 1000) : jittered(), reason: 'HTTP 429' };
  }
  if (error instanceof HttpRetriableError) return { delayMs: jittered(), reason: `HTTP ${error.response.code}` };
  return null;
}

/** Time for the leaky bucket to hold enough points for the query, plus a little jitter. */
function refillDelay(cost: QueryCost | undefined): number | undefined {
  const status = cost?.throttleStatus;
  if (!status || !cost?.requestedQueryCost || status.restoreRate <= 0) return undefined;
  const missing = Math.max(0, cost.requestedQueryCost - status.currentlyAvailable);
  return Math.ceil((missing / status.restoreRate) * 1000) + Math.round(Math.random() * 100);
}
