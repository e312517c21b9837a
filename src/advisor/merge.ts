// One fix per id: the same theme change found on several pages becomes one fix listing every page.
import { englishText } from '../i18n/format-message.ts';
import { joinEvidence } from './fix-text.ts';
import type { Message } from '../report/schema.ts';
import type { Candidate } from './types.ts';

const MAX_EVIDENCE_LINES = 6;

export function mergeCandidates(candidates: Candidate[]): Candidate[] {
  const byId = new Map<string, { first: Candidate; evidence: string[]; messages: Message[] }>();
  for (const c of candidates) {
    const seen = byId.get(c.id);
    if (!seen) {
      byId.set(c.id, { first: { ...c, pages: [...c.pages] }, evidence: [c.evidence], messages: c.text ? [c.text.evidence] : [] });
      continue;
    }
    // A defect measured as an LCP saving on one page and as bare waste on another is an LCP fix: the waste-only
    // pages stay listed, the LCP pages carry the price.
    if (seen.first.kind === 'flat' && c.kind === 'lcp') {
      const { kind: _k, metric: _m, note: _n, claims: _c, ...text } = seen.first;
      seen.first = { ...text, kind: 'lcp', claims: [] };
    }
    const f = seen.first;
    for (const p of c.pages) if (!f.pages.includes(p)) f.pages.push(p);
    seen.evidence.push(c.evidence);
    if (c.text) seen.messages.push(c.text.evidence);
    if (f.kind === 'lcp' && c.kind === 'lcp') f.claims = [...f.claims, ...c.claims];
    if (f.kind === 'cwv' && c.kind === 'cwv') f.claims = [...f.claims, ...c.claims];
    if (f.kind === 'flat' && c.kind === 'flat') f.claims = [...f.claims, ...c.claims];
  }
  return [...byId.values()].map(({ first, evidence, messages }) => {
    const shown = evidence.slice(0, MAX_EVIDENCE_LINES);
    const more = evidence.length - shown.length;
    const text = first.text && messages.length === evidence.length ? { ...first.text, evidence: joinEvidence(messages, MAX_EVIDENCE_LINES) } : undefined;
    const { text: _t, ...rest } = first;
    if (text) return { ...rest, text, evidence: englishText(text.evidence) } as Candidate;
    return { ...rest, evidence: shown.join('; ') + (more > 0 ? `; and ${more} more` : '') } as Candidate;
  });
}
