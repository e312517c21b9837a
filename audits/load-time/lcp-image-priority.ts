// Lantern, Lighthouse's simulator, leaves low-priority images out of its LCP estimate, on the guess that they are
// offscreen. Chrome starts a lazy-loaded image at Low and raises it to High once layout finds it in the viewport;
// when the download ends before that raise (a fast server, a busy renderer) the request stays Low. The same page
// then gets a 3 s or a 15 s simulated LCP by a race: measured on the demo store's lazy hero, 2 of 6 runs were Low
// (3.1 s, 3.2 s) and 4 were High (4.8–15.5 s). The painted LCP image is on the LCP's critical path by definition,
// so when its request ended Low we record the raise Chrome makes in the other runs and audit the run again.
import { auditFlowArtifacts, type Artifacts, type Config, type Flags, type Result, type RunnerResult } from 'lighthouse';
import { LCPImageRecord } from 'lighthouse/core/computed/lcp-image-record.js';

const LOW = new Set(['Low', 'VeryLow']);

type DevtoolsLog = Artifacts['DevtoolsLog'];

/** The painted LCP image's request id when Lantern would leave it out, else null. */
export async function lowPriorityLcpImage(artifacts: Artifacts): Promise<string | null> {
  if (!artifacts.Trace || !artifacts.DevtoolsLog) return null;
  try {
    const record = await LCPImageRecord.request({ trace: artifacts.Trace, devtoolsLog: artifacts.DevtoolsLog }, { computedCache: new Map() } as never);
    return record && LOW.has(record.priority) ? record.requestId : null;
  } catch {
    // No LCP in the trace: the metric audits report that on their own.
    return null;
  }
}

/** The log with a priority raise to High for the request, in the form Chrome logs one. */
export function withPriorityRaised(log: DevtoolsLog, requestId: string): DevtoolsLog {
  const at = log.findIndex((e) => e.method === 'Network.requestWillBeSent' && e.params.requestId === requestId);
  if (at < 0) return log;
  const sent = log[at]!;
  const timestamp = sent.method === 'Network.requestWillBeSent' ? sent.params.timestamp : 0;
  // The recorder files the event under the session it names, so it carries the request's own.
  const raise = { ...sent, method: 'Network.resourceChangedPriority', params: { requestId, newPriority: 'High', timestamp } } as DevtoolsLog[number];
  // Last, so it outlasts any change Chrome logged for the request.
  return [...log, raise];
}

/**
 * The run's result, audited again with the LCP image at High priority when Lantern would have skipped it.
 * `lcpImagePriorityRaised` in the returned flag says whether it was.
 */
export async function withLcpImageCounted(run: RunnerResult, flags: Flags, config: Config | undefined): Promise<{ lhr: Result; raised: boolean }> {
  const requestId = await lowPriorityLcpImage(run.artifacts);
  if (!requestId) return { lhr: run.lhr, raised: false };
  const artifacts = { ...run.artifacts, DevtoolsLog: withPriorityRaised(run.artifacts.DevtoolsLog, requestId) };
  const flow = await auditFlowArtifacts({ gatherSteps: [{ artifacts, flags }] }, config);
  const lhr = flow.steps[0]?.lhr;
  return lhr ? { lhr, raised: true } : { lhr: run.lhr, raised: false };
}
