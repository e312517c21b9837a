// Jobs area (200–299). One run per queue job: a retried job (its worker was killed) finds the run its first
// attempt created instead of adding a second one, so a run is recorded exactly once per job.
import type { Dialect } from '../db/types.ts';

export function up(_dialect: Dialect): string[] {
  return ['CREATE UNIQUE INDEX runs_job_id_unique ON runs (job_id)'];
}
