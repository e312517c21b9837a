// Every namespace's catalogue. Each namespace has its own file (see define.ts); the renderer finds ids here.
// One namespace per owning area, registered once, so parallel work never edits this list.
import type { Catalogue } from './define.ts';
import { common } from './common.ts';
import { advisor } from './advisor.ts';
import { checkout } from './checkout.ts';
import { links } from './links.ts';
import { apps } from './apps.ts';
import { lighthouse } from './lighthouse.ts';
import { cli } from './cli.ts';
import { shopify } from './shopify.ts';
import { errors } from './errors.ts';
import { report } from './report.ts';
import { fixes } from './fixes.ts';
import { digest } from './digest.ts';
import { alerts } from './alerts.ts';
import { progress } from './progress.ts';
import { basis } from './basis.ts';

export const CATALOGUES: readonly Catalogue[] = [
  common,
  advisor,
  checkout,
  links,
  apps,
  lighthouse,
  cli,
  shopify,
  errors,
  report,
  fixes,
  digest,
  alerts,
  progress,
  basis,
];
