// Retention: finished runs older than the policy are deleted with their sections and fixes (one statement,
// cascading), and so are their artefact folders (screenshots) under the artefacts root, which are named by
// run id. Folders of runs that no longer exist are removed too, so a crash between the two steps heals.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/index.ts';

export interface RetentionPolicy {
  /** Finished runs older than this many days are deleted. */
  runDays: number;
  /** Screenshots may go sooner than the runs they belong to (they are the bulk of the disk). */
  screenshotDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { runDays: 180, screenshotDays: 30 };

export async function applyRetention(
  store: Store,
  artifactsRoot: string,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  now: Date = new Date(),
): Promise<{ runsDeleted: number; artifactDirsDeleted: number }> {
  const day = 86_400_000;
  const runsDeleted = await store.runs.deleteFinishedBefore(new Date(now.getTime() - policy.runDays * day));
  const screenshotCutoff = new Date(now.getTime() - policy.screenshotDays * day).toISOString();
  let artifactDirsDeleted = 0;
  let entries: string[];
  try {
    entries = (await readdir(artifactsRoot, { withFileTypes: true })).filter((e) => e.isDirectory() && /^\d+$/.test(e.name)).map((e) => e.name);
  } catch {
    return { runsDeleted, artifactDirsDeleted };
  }
  for (const name of entries) {
    const run = await store.db.get<{ status: string; finished_at: string | null }>('SELECT status, finished_at FROM runs WHERE id = ?', [Number(name)]);
    const expired = !run || (run.finished_at !== null && run.status !== 'running' && run.finished_at < screenshotCutoff);
    if (!expired) continue;
    await rm(join(artifactsRoot, name), { recursive: true, force: true });
    artifactDirsDeleted += 1;
  }
  return { runsDeleted, artifactDirsDeleted };
}
