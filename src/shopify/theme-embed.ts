// The theme app embed's state, read from the main theme's config/settings_data.json, which is where the theme
// editor records app embeds: `current.blocks` holds one entry per embed, typed
// `shopify://apps/<app handle>/blocks/<block file name>/<extension uuid>`, with `disabled: true` when the
// merchant switched it off. Shopify writes a /* … */ banner comment above the JSON, and older themes name a
// preset in `current` instead of holding the settings inline; both are read. The same blocks name every other
// app embedded in the theme, which the load-time audit uses to attribute scripts to apps by name.
import { appNameFromHandle } from '../../audits/load-time/known-apps.ts';

export interface EmbedBlock {
  id: string;
  appHandle: string;
  block: string;
  uuid: string;
  disabled: boolean;
}

const BLOCK_TYPE = /^shopify:\/\/apps\/([^/]+)\/blocks\/([^/]+)\/([0-9a-f-]{8,})$/i;

/** Removes block and line comments outside strings (settings_data.json is JSON with a comment banner). */
function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else out += c;
  }
  return out;
}

export class SettingsDataError extends Error {
  override name = 'SettingsDataError';
}

export function parseEmbedBlocks(settingsData: string): EmbedBlock[] {
  let data: { current?: unknown; presets?: Record<string, unknown> };
  try {
    data = JSON.parse(stripComments(settingsData)) as typeof data;
  } catch (error) {
    throw new SettingsDataError(`config/settings_data.json is not JSON: ${(error as Error).message}`);
  }
  const current = typeof data.current === 'string' ? data.presets?.[data.current] : data.current;
  const blocks = (current as { blocks?: Record<string, { type?: unknown; disabled?: unknown }> } | undefined)?.blocks ?? {};
  const out: EmbedBlock[] = [];
  for (const [id, block] of Object.entries(blocks)) {
    const match = typeof block?.type === 'string' ? BLOCK_TYPE.exec(block.type) : null;
    if (!match) continue;
    out.push({ id, appHandle: match[1]!, block: match[2]!, uuid: match[3]!.toLowerCase(), disabled: block.disabled === true });
  }
  return out;
}

export interface EmbedState {
  /** Our embed is in the theme and switched on. */
  enabled: boolean;
  /** In the theme but switched off by the merchant. */
  present: boolean;
  /** Opens the theme editor's App embeds panel with our embed selected for activation. */
  activateUrl: string;
}

/**
 * Shopify's documented deep link to activate an app embed (shopify.dev, "Theme app extensions framework",
 * deep linking): /admin/themes/current/editor?context=apps&activateAppId={api_key}/{block handle}.
 */
export function activateEmbedUrl(shop: string, apiKey: string, blockHandle: string): string {
  const url = new URL(`https://${shop}/admin/themes/current/editor`);
  url.searchParams.set('context', 'apps');
  url.searchParams.set('activateAppId', `${apiKey}/${blockHandle}`);
  return url.href;
}

export function embedState(blocks: EmbedBlock[], ours: { appHandle: string; block: string }, link: string): EmbedState {
  const mine = blocks.filter((b) => b.appHandle === ours.appHandle && b.block === ours.block);
  return { enabled: mine.some((b) => !b.disabled), present: mine.length > 0, activateUrl: link };
}

/**
 * Extension uuid → app display name for every app embedded in the theme (enabled or not: a disabled embed
 * loads nothing, so its name is simply never used). The merchant's own names win, keyed by uuid or handle.
 */
export function appNamesFromBlocks(blocks: EmbedBlock[], renames: Readonly<Record<string, string>> = {}): Record<string, string> {
  const names: Record<string, string> = {};
  for (const block of blocks) {
    const renamed = renames[block.uuid] ?? renames[block.appHandle];
    names[block.uuid] = typeof renamed === 'string' && renamed.trim() ? renamed.trim() : appNameFromHandle(block.appHandle);
  }
  return names;
}
