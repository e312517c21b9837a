// The namespaces the admin UI renders (fix texts and what they rest on, the audits' messages, API errors): the
// admin's build uses this list in place of index.ts (src/admin/vite.config.ts), so the bundle does not ship the
// CLI's help and output, the audits' progress lines, the digest email or the alert texts, which only the
// server and the CLI say.
// An id of a namespace left out renders as its English fallback (hasMessage is false), never as a blank.
import type { Catalogue } from './define.ts';
import { common } from './common.ts';
import { advisor } from './advisor.ts';
import { checkout } from './checkout.ts';
import { links } from './links.ts';
import { apps } from './apps.ts';
import { lighthouse } from './lighthouse.ts';
import { shopify } from './shopify.ts';
import { errors } from './errors.ts';
import { report } from './report.ts';
import { fixes } from './fixes.ts';
import { basis } from './basis.ts';

export const CATALOGUES: readonly Catalogue[] = [common, advisor, checkout, links, apps, lighthouse, shopify, errors, report, fixes, basis];

/** Namespaces index.ts has that the admin leaves out (checked by test/admin/bundle.test.ts). */
export const SERVER_ONLY_NAMESPACES = ['cli', 'digest', 'alerts', 'progress'] as const;
