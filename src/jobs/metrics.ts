// Prometheus metrics of the queue and its runs, on a registry of their own that the server mounts at
// /metrics (`registry.metrics()`, content type `registry.contentType`). Queue depth is read when scraped.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueueDepth } from './queue.ts';

export interface JobMetrics {
  readonly registry: Registry;
  runFinished(outcome: 'succeeded' | 'failed' | 'retrying', seconds: number, reason?: string): void;
  alertSent(kind: 'firing' | 'recovered', channel: string, ok: boolean): void;
}

export function createJobMetrics(depth: () => Promise<QueueDepth>, opts: { defaultMetrics?: boolean } = {}): JobMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics) collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'storefront_audit_queue_jobs',
    help: 'Audit jobs in the queue by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const d = await depth();
      for (const state of ['queued', 'active', 'failed', 'completed'] as const) this.set({ state }, d[state]);
    },
  });
  const durations = new Histogram({
    name: 'storefront_audit_run_duration_seconds',
    help: 'Wall time of audit attempts',
    labelNames: ['outcome'],
    buckets: [5, 15, 30, 60, 120, 300, 600, 1200],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'storefront_audit_run_failures_total',
    help: 'Failed audit attempts (retrying: will be retried; failed: out of attempts)',
    labelNames: ['outcome', 'reason'],
    registers: [registry],
  });
  const alerts = new Counter({
    name: 'storefront_audit_alerts_sent_total',
    help: 'Alert notifications by kind, channel and delivery result',
    labelNames: ['kind', 'channel', 'ok'],
    registers: [registry],
  });
  return {
    registry,
    runFinished(outcome, seconds, reason = 'error') {
      durations.observe({ outcome }, seconds);
      if (outcome !== 'succeeded') failures.inc({ outcome, reason });
    },
    alertSent(kind, channel, ok) {
      alerts.inc({ kind, channel, ok: String(ok) });
    },
  };
}
