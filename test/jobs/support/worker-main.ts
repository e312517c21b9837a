// A worker process for the crash tests and the workers benchmark: `storefront-audit worker` in miniature,
// with the probe audit (or the engine's real runAudit when AUDIT=engine). Killed with SIGKILL by the tests.
// Configuration is read here, at the top, from the environment the parent sets.
import { openStore } from '../../../src/store/index.ts';
import { createJobs } from '../../../src/jobs/jobs-runtime.ts';
import { createJobsLogger } from '../../../src/jobs/logger.ts';
import type { RunAuditFn } from '../../../src/jobs/audit-job-handler.ts';
import { probeAudit } from './probe-audit.ts';

const env = process.env;
const databaseUrl = env.JOBS_DATABASE_URL as string;
const schema = env.JOBS_SCHEMA || undefined;
const runAudit: RunAuditFn =
  env.AUDIT === 'engine' ? (await import('../../../src/engine/run-audit.ts')).runAudit : probeAudit;

const store = await openStore(
  databaseUrl.startsWith('postgres') ? { url: databaseUrl, schema, poolSize: 4 } : { url: `sqlite:${databaseUrl}` },
);
const jobs = await createJobs({
  store,
  logger: createJobsLogger(env.LOG_LEVEL ?? 'warn'),
  runAudit,
  databaseUrl: databaseUrl.startsWith('postgres') ? databaseUrl : undefined,
  dataDir: env.JOBS_DATA_DIR as string,
  allowPrivateAddresses: true,
  pgBossSchema: schema ? `${schema}_boss` : undefined,
  leaseSeconds: Number(env.JOBS_LEASE_SECONDS ?? 3),
  superviseIntervalSeconds: 1,
  pollIntervalMs: Number(env.JOBS_POLL_MS ?? 500),
  retry: { maxAttempts: 3, retryDelaySeconds: 1, retryDelayMaxSeconds: 2, timeLimitSeconds: Number(env.JOBS_TIME_LIMIT ?? 60) },
});
await jobs.startWorker();
process.stdout.write(`ready ${jobs.workerId}\n`);

const stop = async () => {
  await jobs.stop({ graceful: true });
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
