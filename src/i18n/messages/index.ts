// Every namespace's catalogue. Add one line per namespace (see define.ts); the renderer finds ids here.
import type { Catalogue } from './define.ts';
import { common } from './common.ts';

export const CATALOGUES: readonly Catalogue[] = [common];
