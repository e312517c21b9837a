import { CHATLY, PROMO_BAR, REVIEWS_PRO } from './apps.ts';
import type { DemoApp } from './apps.ts';
import type { DemoVariant } from './options.ts';

/** The third-party app-embed scripts. Their misbehaviour in the defective variant is D3, D4 and D6. */
function reviewsPro(): string {
  const translations: Record<string, string> = {};
  for (let i = 0; i < 400; i++) translations[`reviews.label_${i}`] = `Review label number ${i} for the widget in every supported locale`;
  return `/* Reviews Pro app embed */
window.ReviewsPro = { translations: ${JSON.stringify(translations)} };
(function () {
  function render() {
    document.querySelectorAll('.reviews-pro-widget').forEach(function (el) {
      var n = Number(el.getAttribute('data-rating') || 4);
      // Plain text on purpose: star glyphs send Chromium on Linux into a slow font-fallback search.
      el.textContent = 'Rated ' + n + '.0 out of 5 (' + (el.getAttribute('data-count') || 12) + ' reviews)';
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render); else render();
})();
`;
}

function chatly(variant: DemoVariant): string {
  const longTask = variant === 'defective'
    ? `  // Builds its emoji index synchronously on the main thread: a ~350 ms long task.
  var started = performance.now(), index = 0;
  while (performance.now() - started < 350) { index = (index * 31 + 7) % 1000003; }
  window.Chatly.index = index;
`
    : '';
  return `/* Chatly app embed */
window.Chatly = window.Chatly || {};
(function () {
${longTask}  function mount() {
    var b = document.createElement('button');
    b.className = 'chatly-bubble';
    b.type = 'button';
    b.setAttribute('aria-label', 'Chat with us');
    b.textContent = 'Chat';
    b.style.cssText = 'position:fixed;right:16px;bottom:16px;width:56px;height:56px;border-radius:50%;border:0;background:#3b5bdb;color:#fff;font-size:14px;z-index:10';
    document.body.appendChild(b);
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
`;
}

function promoBar(variant: DemoVariant): string {
  if (variant === 'defective') {
    return `/* Promo Bar app embed: injects its banner above the page once the page has loaded. */
(function () {
  function inject() {
    if (!document.body.classList.contains('template-product')) return;
    var bar = document.createElement('div');
    bar.className = 'promo-bar';
    bar.style.cssText = 'height:150px;display:flex;align-items:center;justify-content:center;background:#f6e05e;font-weight:600';
    bar.textContent = 'Free shipping on orders over $75 \\u2014 today only!';
    document.body.insertBefore(bar, document.body.firstChild);
  }
  function later() { setTimeout(inject, 800); }
  if (document.readyState === 'complete') later(); else window.addEventListener('load', later);
})();
`;
  }
  return `/* Promo Bar app embed: fills the slot the theme reserved, so nothing moves. */
(function () {
  function fill() {
    var slot = document.querySelector('.promo-bar-slot');
    if (slot) slot.innerHTML = '<div class="promo-bar">Free shipping on orders over $75 \\u2014 today only!</div>';
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fill); else fill();
})();
`;
}

export function appScript(app: DemoApp, file: string, variant: DemoVariant): string | undefined {
  if (file !== app.script) return undefined;
  if (app === REVIEWS_PRO) return reviewsPro();
  if (app === CHATLY) return chatly(variant);
  if (app === PROMO_BAR) return promoBar(variant);
  return undefined;
}
