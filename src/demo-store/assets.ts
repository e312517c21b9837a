import { ASSET_VERSION, themeAssetPath } from './theme.ts';

/** Theme CSS and JS. The defective variant ships the bloated render-blocking files (D2). */
export const CORE_CSS = `
/* One generic family: on Linux every missing named family costs a fontconfig lookup during layout. */
:root{--font-body:sans-serif;--color-fg:18,18,18;--page-width:120rem}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:var(--font-body);color:rgb(var(--color-fg));line-height:1.5;background:#fff}
img{max-width:100%;height:auto;display:block}
a{color:inherit}
.page-width{max-width:var(--page-width);margin:0 auto;padding:0 1.5rem}
.announcement-bar{background:#121212;color:#fff;text-align:center;font-size:.8rem;padding:.5rem;height:2.2rem}
.header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;padding:1rem 1.5rem;gap:1rem}
.header__heading{margin:0;font-size:1.4rem}
.header__heading-link{text-decoration:none}
.list-menu{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.header__icons{display:flex;gap:1rem}
.cart-count-bubble{display:inline-block;min-width:1.2rem;border-radius:1rem;background:#121212;color:#fff;text-align:center;font-size:.7rem}
.banner{position:relative;overflow:hidden;background:#26344a;color:#fff}
.banner__media img{width:100%;height:auto;aspect-ratio:5/3;object-fit:cover}
.banner__content{padding:2rem 1.5rem}
.button{display:inline-block;padding:.8rem 2rem;background:#121212;color:#fff;border:0;text-decoration:none;font-size:1rem;cursor:pointer}
.button:disabled{opacity:.5;cursor:not-allowed}
.button--secondary{background:#fff;color:#121212;border:1px solid #121212}
.grid{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(2,1fr);gap:1rem}
@media (min-width:750px){.grid{grid-template-columns:repeat(4,1fr)}.product{display:grid;grid-template-columns:3fr 2fr;gap:2rem}}
.card__inner{position:relative;background:#f3f3f3}
.card__heading{font-size:1rem;margin:.5rem 0 .2rem}
.full-unstyled-link{text-decoration:none}
.price-item--sale{color:#b00}
.badge{display:inline-block;padding:.1rem .6rem;border-radius:1rem;background:#121212;color:#fff;font-size:.75rem}
.section{margin:2.5rem 0}
.title{font-size:1.6rem;margin:0 0 1rem}
.rte{max-width:45rem}
.pagination__list{list-style:none;display:flex;gap:.5rem;padding:0;justify-content:center}
.pagination__item{display:inline-block;padding:.4rem .8rem}
.pagination__item--current{border-bottom:2px solid}
.footer{border-top:1px solid #ddd;margin-top:3rem;padding:2rem 0;font-size:.9rem}
.footer__blocks-wrapper{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:1.5rem}
.reviews-pro-widget{min-height:1.6rem}
.promo-bar-slot{min-height:150px}
.promo-bar{height:150px;display:flex;align-items:center;justify-content:center;background:#f6e05e;font-weight:600}
.field{margin:0 0 1rem}
.field__input{width:100%;padding:.6rem;font-size:1rem;border:1px solid #999;border-radius:4px}
.field__input[aria-invalid=true]{border-color:#b00}
.field__message--error{color:#b00;font-size:.85rem;margin:.25rem 0 0}
.breadcrumbs{font-size:.85rem;margin:1rem 0}
.visually-hidden{position:absolute!important;overflow:hidden;width:1px;height:1px;margin:-1px;padding:0;border:0;clip:rect(0 0 0 0)}
`;

export const CARD_CSS = `
.card-wrapper{height:100%}
.card{display:flex;flex-direction:column;height:100%}
.card__media img{width:100%;aspect-ratio:1/1;object-fit:cover}
.card__information{padding:.5rem 0}
.card__badge{position:absolute;left:.5rem;bottom:.5rem}
.product__media-list{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}
.product-form__buttons{margin:1rem 0}
.quantity__input{width:5rem;padding:.5rem}
`;

/** Unused rules, as an accumulated theme of many seasons has: makes base.css large and mostly unused. */
function bloat(prefix: string, count: number): string {
  const rules: string[] = [];
  for (let i = 0; i < count; i++) {
    rules.push(`.${prefix}-${i}{margin:${i % 7}px ${i % 5}rem;padding:${i % 3}px;color:rgba(${i % 255},${(i * 7) % 255},${(i * 13) % 255},.9);border-radius:${i % 9}px;transition:opacity .${i % 9}s ease-in-out}`);
    rules.push(`@media (min-width:${600 + (i % 6) * 100}px){.${prefix}-${i}--desktop{grid-template-columns:repeat(${(i % 4) + 1},minmax(0,1fr));gap:${i % 4}rem}}`);
  }
  return rules.join('\n');
}

export const THEME_JS = `
/* Dawn-like theme behaviour: menu drawer, quantity buttons, cart bubble. */
(function () {
  document.documentElement.className = document.documentElement.className.replace('no-js', 'js');
  function onReady(fn) { if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn); }
  onReady(function () {
    document.querySelectorAll('.quantity__input').forEach(function (input) {
      input.addEventListener('change', function () { if (Number(input.value) < 1) input.value = '1'; });
    });
    var details = document.querySelector('header-drawer details');
    if (details) details.addEventListener('toggle', function () { document.body.classList.toggle('overflow-hidden', details.open); });
  });
})();
`;

function legacyThemeJs(): string {
  const lines: string[] = [THEME_JS, '/* Legacy helpers kept from older theme versions. */', 'window.ThemeLegacy = window.ThemeLegacy || {};'];
  for (let i = 0; i < 600; i++) {
    lines.push(`window.ThemeLegacy.helper${i} = function (el, v) { if (!el) return null; el.setAttribute('data-legacy-${i}', String(v || ${i})); return el.getAttribute('data-legacy-${i}'); };`);
  }
  return lines.join('\n');
}

let defective: Map<string, string> | undefined;
let fixed: Map<string, string> | undefined;

/** Theme asset files by name for a variant (built once). */
export function themeAssets(variant: 'defective' | 'fixed'): Map<string, string> {
  if (variant === 'defective') {
    return (defective ??= new Map([
      ['base.css', `${CORE_CSS}\n${bloat('legacy-section', 900)}`],
      ['component-card.css', `${CARD_CSS}\n${bloat('legacy-card', 600)}`],
      ['theme.js', legacyThemeJs()],
    ]));
  }
  return (fixed ??= new Map([
    ['base.css', CORE_CSS],
    ['component-card.css', CARD_CSS],
    ['theme.js', THEME_JS],
  ]));
}

export function themeAssetUrl(file: string): string {
  return `${themeAssetPath(file)}?v=${ASSET_VERSION}`;
}
