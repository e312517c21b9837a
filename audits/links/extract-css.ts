// URLs referenced from CSS: @import and url() in declarations, parsed with postcss + postcss-value-parser so
// comments, strings and escapes are handled the way a browser would, not by regex.
import { createRequire } from 'node:module';
import type postcss from 'postcss';
import type ValueParser from 'postcss-value-parser';
import type { ResourceKind } from '../../src/report/schema.ts';

// Loaded on the first CSS to parse, not at start-up: most pages a crawl starts with have no <style> worth a
// parser, and start-up before the first request is part of what a CI user waits for.
const load = createRequire(import.meta.url);
let libs: { postcss: typeof postcss; valueParser: typeof ValueParser } | null = null;
const cssLibs = () => (libs ??= { postcss: load('postcss') as typeof postcss, valueParser: load('postcss-value-parser') as typeof ValueParser });

export interface CssReference {
  raw: string;
  kind: ResourceKind;
}

function urlsInValue(value: string): string[] {
  const found: string[] = [];
  cssLibs().valueParser(value).walk((node) => {
    if (node.type === 'function' && node.value.toLowerCase() === 'url') {
      const inner = node.nodes[0];
      if (inner && (inner.type === 'word' || inner.type === 'string') && inner.value) found.push(inner.value);
      return false;
    }
    return undefined;
  });
  return found;
}

/** Every URL a stylesheet (or a <style> block, or a style attribute when `declarationsOnly`) refers to. */
export function extractCssReferences(css: string, declarationsOnly = false): { references: CssReference[]; error: string | null } {
  const references: CssReference[] = [];
  if (!css.includes('url(') && !css.includes('@import')) return { references, error: null };
  let root: postcss.Root;
  try {
    root = cssLibs().postcss.parse(declarationsOnly ? `a{${css}}` : css);
  } catch (error) {
    return { references, error: `unparseable CSS: ${(error as Error).message.split('\n')[0]}` };
  }
  root.walkAtRules('import', (rule) => {
    const parsed = cssLibs().valueParser(rule.params).nodes[0];
    if (!parsed) return;
    if (parsed.type === 'string') references.push({ raw: parsed.value, kind: 'stylesheet' });
    else for (const raw of urlsInValue(rule.params).slice(0, 1)) references.push({ raw, kind: 'stylesheet' });
  });
  root.walkDecls((decl) => {
    if (!decl.value.includes('url(')) return;
    // Fonts are neither image nor media; everything else referenced by url() is an image in practice.
    const kind: ResourceKind = decl.parent?.type === 'atrule' && (decl.parent as postcss.AtRule).name.toLowerCase() === 'font-face' ? 'other' : 'image';
    for (const raw of urlsInValue(decl.value)) references.push({ raw, kind });
  });
  return { references: references.filter((ref) => !ref.raw.startsWith('data:')), error: null };
}
