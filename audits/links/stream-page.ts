// Feeds a page's body into an extractor as it arrives, up to a byte cap, so no page is ever held whole.
import { StringDecoder } from 'node:string_decoder';
import { decodedBody, type HttpResponse } from '../shared/http-fetcher.ts';
import type { PageExtractor } from './extract-html.ts';

export async function streamPageInto(response: HttpResponse, extractor: PageExtractor, maxBytes: number): Promise<{ bytes: number; truncated: boolean }> {
  const decoder = new StringDecoder('utf8');
  const body = decodedBody(response);
  let bytes = 0;
  let truncated = false;
  for await (const chunk of body) {
    bytes += (chunk as Buffer).length;
    extractor.write(decoder.write(chunk as Buffer));
    if (bytes > maxBytes) {
      body.destroy();
      response.body.destroy();
      truncated = true;
      break;
    }
  }
  extractor.write(decoder.end());
  extractor.end();
  return { bytes, truncated };
}
