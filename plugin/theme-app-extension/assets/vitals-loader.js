/* Storefront Auditor vitals loader: after the load event, loads web-vitals (attribution build) and sends this
   page view's LCP, INP, CLS, FCP and TTFB with the LCP element and INP target through the app proxy. Nothing is
   sent without the shopper's analytics consent; no personal data (path without query, anonymous ids). */
(function () {
  var s = document.currentScript, d = s && s.dataset;
  if (!d || Math.random() * 100 >= +(d.sample || 100)) return;
  var w = window, q = [];
  var pv = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  function ok() {
    var p = w.Shopify && w.Shopify.customerPrivacy;
    return !!(p && p.analyticsProcessingAllowed && p.analyticsProcessingAllowed());
  }
  function cid() {
    var m = document.cookie.match(/(?:^|; )_shopify_y=([^;]+)/);
    return m ? decodeURIComponent(m[1]).slice(0, 64) : undefined;
  }
  function dev() {
    var c = matchMedia('(pointer:coarse)').matches;
    return c ? (innerWidth < 768 ? 'mobile' : 'tablet') : 'desktop';
  }
  function send() {
    if (!q.length || !ok()) return;
    var b = document.body.className.match(/template-([\w-]+)/);
    var m = q.splice(0, 10);
    navigator.sendBeacon(d.u, JSON.stringify({
      v: 1, cid: cid(), pv: pv, t: d.t || (b ? b[1] : 'other'), d: dev(), n: m[0].t,
      p: location.pathname.slice(0, 512), s: w.__sfaSynthetic ? true : undefined, m: m.map(function (x) { delete x.t; return x; })
    }));
  }
  function add(x) {
    var a = x.attribution || {}, e = a.target || a.interactionTarget;
    q.push({ n: x.name, v: Math.round(x.value * 1e4) / 1e4, r: x.rating, e: e ? String(e).slice(0, 256) : undefined, t: x.navigationType });
  }
  function go() {
    var v = document.createElement('script');
    v.src = d.wv;
    v.onload = function () {
      var V = w.webVitals;
      V.onLCP(add); V.onINP(add); V.onCLS(add); V.onFCP(add); V.onTTFB(add);
      addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') send(); });
      addEventListener('pagehide', send);
    };
    document.head.appendChild(v);
  }
  if (document.readyState === 'complete') setTimeout(go);
  else addEventListener('load', function () { setTimeout(go); });
})();
