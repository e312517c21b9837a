// What the links audit's thread and the thread that started it say to each other.
import type { LinksSection, Message } from '../../src/report/schema.ts';
import type { LinksContext, LinksOptions } from './links-options.ts';

export interface CrawlThreadData {
  context: Omit<LinksContext, 'progress' | 'signal'>;
  options: LinksOptions;
}

export type ToCrawlThread = { type: 'abort'; reason: string };

export type FromCrawlThread =
  | { type: 'progress'; text: string | Message }
  | { type: 'done'; section: LinksSection }
  | { type: 'failed'; name: string; message: string; aborted: boolean };
