// Bot walls and challenge pages answer with a page that is not the store. Lighthouse would happily score that
// page (when it answers 200), so the run is checked against the usual challenge signatures before it counts.
export interface DocumentResponse {
  status: number | null;
  headers: Record<string, string>;
}

export interface DocumentText {
  title: string;
  text: string;
}

// Cloudflare, Akamai, PerimeterX/HUMAN, DataDome, Imperva and Shopify's own checkpoint use these markers.
const CHALLENGE_HEADERS: Array<[string, RegExp]> = [
  ['cf-mitigated', /challenge/i],
  ['x-datadome', /./],
  ['x-px-blocked', /./],
];
const CHALLENGE_TEXT = [
  /just a moment\.\.\./i,
  /verif(y|ying) (that )?you are (a )?human/i,
  /checking (if the site connection is secure|your browser)/i,
  /attention required/i,
  /are you a robot/i,
  /access to this page has been denied/i,
  /please complete the security check/i,
  /enable javascript and cookies to continue/i,
];

/** The reason this document is an interstitial, or null when it looks like the real page. */
export function detectInterstitial(response: DocumentResponse | null, document: DocumentText | null): string | null {
  for (const [name, pattern] of CHALLENGE_HEADERS) {
    const value = response?.headers[name];
    if (value !== undefined && pattern.test(value)) {
      return `a bot challenge answered instead of the page (HTTP ${response?.status ?? '?'}, ${name}: ${value})`;
    }
  }
  const haystack = `${document?.title ?? ''}\n${document?.text ?? ''}`;
  const match = CHALLENGE_TEXT.find((pattern) => pattern.test(haystack));
  if (match) {
    const title = document?.title ? `"${document.title}"` : 'a challenge page';
    return `a bot challenge answered instead of the page (${title}${response?.status ? `, HTTP ${response.status}` : ''})`;
  }
  return null;
}
