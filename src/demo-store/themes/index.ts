// The theme zoo: storefront themes the demo store can wear (`--theme NAME`), each imitating a real theme's
// markup and script behaviour. docs/demo-store.md lists what each one imitates and from which source.
import type { StoreContext } from '../context.ts';
import type { ThemeName } from '../options.ts';
import { dawnTheme } from './dawn.ts';
import { horizonTheme } from './horizon.ts';
import { plainTheme } from './plain.ts';
import type { Theme } from './types.ts';

export type { Theme, ThemeFile } from './types.ts';

const classic: Theme = { name: 'classic', imitates: 'the original demo markup (Dawn-like classes, single-variant products, no cart script)' };

export const THEMES: Record<ThemeName, Theme> = {
  classic,
  dawn: dawnTheme('notification'),
  'dawn-drawer': dawnTheme('drawer'),
  'dawn-quick-add': dawnTheme('notification', true),
  horizon: horizonTheme,
  plain: plainTheme,
};

export function themeOf(ctx: StoreContext): Theme {
  return THEMES[ctx.opts.theme];
}
