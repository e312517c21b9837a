// Public surface of the data layer. Import from here, not from the files behind it.
export { openStore, resolveStoreTarget, DEFAULT_DATA_DIR, SQLITE_FILE_NAME, type Store, type StoreOptions } from './open-store.ts';
export { StoreError, type StoreErrorCode } from './errors.ts';
export type { Backend, Db, Dialect, Queryable, SqlParam } from './db/types.ts';
export { loadMigrations, runMigrations, type Migration, type MigrationResult } from './migrate.ts';
export type { RunRecord, RunStatus } from './repos/run-record.ts';
export type { NewRun, RunPage, ListRunsOptions } from './repos/runs.ts';
export type { RunSummary, PageGroupSummary } from './repos/run-summary.ts';
export type { SectionName, AuditSectionName } from './repos/run-report.ts';
export type { ShopRecord, ShopFields } from './repos/shops.ts';
export type { FixDecision, FixStatusRecord } from './repos/fixes.ts';
export type { ScheduleRecord, ScheduleInput } from './repos/schedules.ts';
export type { JobRecord, JobStatus, EnqueueInput } from './repos/jobs.ts';
export type { AlertRecord, AlertState } from './repos/alerts.ts';
export type { SessionRow } from './repos/sessions.ts';
export { RUM_METRICS, RUM_THRESHOLDS, type BeaconInput, type FunnelEventInput, type RumDailyRecord, type RumMetric } from './repos/rum.ts';
export type { DayRange, SessionOutcome } from './repos/rum-sessions.ts';
