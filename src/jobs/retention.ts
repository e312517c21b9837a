// Retention: finished runs older than the policy are deleted with their sections and fixes (one statement,
// cascading), and so are their artefact folders (screenshots) under the artefacts root, which are named by
// run id. Folders of runs that no longer exist are removed too, so a crash between the two steps heals.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/index.ts';

export interface RetentionPolicy {
  /** Finished runs older than this many days are deleted. */
  runDays: number;
  /** Screenshots may go sooner than the runs they belong to (they are the bulk of the disk). */
  screenshotDays: number;
  /**
   * Webhook receipts (the de-duplication table). Shopify retries a failed delivery 8 times over 4 hours
   * (changelog, September 2024; 48 hours before), so a week keeps every retry recognisable with room to spare.
   * Default 7.
   */
  webhookReceiptDays?: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { runDays: 180, screenshotDays: 30, webhookReceiptDays: 7 };

/** Deletes webhook receipts older than the policy's webhookReceiptDays; returns how many. */
export async function pruneWebhookReceipts(store: Store, policy: RetentionPolicy = DEFAULT_RETENTION, now: Date = new Date()): Promise<number> {
  const days = policy.webhookReceiptDays ?? DEFAULT_RETENTION.webhookReceiptDays ?? 7;
  return store.webhooks.pruneBefore(new Date(now.getTime() - days * 86_400_000));
}

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

/**
 * Shopify's shop/redact: every row held for the shop (store.deleteShopData) and every file, i.e. the artefact
 * folders (screenshots) of all its runs, which are named by run id. The run ids are read first, the rows go
 * in one transaction, then the folders; if the process dies between the two, the folders belong to runs that
 * no longer exist and applyRetention removes them at its next pass.
 */
export async function eraseShop(store: Store, artifactsRoot: string, shop: string): Promise<{ rows: Record<string, number>; artifactDirsDeleted: number }> {
  const runs = await store.db.all<{ id: number }>('SELECT id FROM runs WHERE shop = ?', [shop]);
  const rows = await store.deleteShopData(shop);
  let artifactDirsDeleted = 0;
  for (const { id } of runs) {
    const dir = join(artifactsRoot, String(Number(id)));
    const existed = await stat(dir).then(() => true, () => false);
    await rm(dir, { recursive: true, force: true });
    if (existed) artifactDirsDeleted += 1;
  }
  return { rows, artifactDirsDeleted };
}
