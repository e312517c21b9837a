// Embedded mode: Shopify's App Bridge (loaded from Shopify's CDN by index.html, only inside the admin) gives
// the session token, toasts, the title bar and the navigation menu. Standalone: none of it, and no network.
interface ShopifyGlobal {
  idToken(): Promise<string>;
  toast: { show(message: string, options?: { isError?: boolean }): void };
}

declare global {
  interface Window {
    shopify?: ShopifyGlobal;
  }
}

/** True when index.html decided to load App Bridge (the admin opened us with host/shop/id_token/embedded). */
export function isEmbedded(): boolean {
  return document.documentElement.dataset.embedded === '1';
}

export async function sessionToken(): Promise<string | null> {
  if (!isEmbedded()) return null;
  const bridge = await appBridge();
  return bridge.idToken();
}

/** App Bridge is ready once its global exists; it is a blocking script, so this is almost always at once. */
async function appBridge(): Promise<ShopifyGlobal> {
  for (let i = 0; i < 100 && !window.shopify; i++) await new Promise((r) => setTimeout(r, 50));
  if (!window.shopify) throw new Error('App Bridge did not load');
  return window.shopify;
}

let standaloneToast: ((message: string, isError: boolean) => void) | null = null;

export function onStandaloneToast(show: (message: string, isError: boolean) => void): void {
  standaloneToast = show;
}

export function toast(message: string, isError = false): void {
  if (isEmbedded() && window.shopify) window.shopify.toast.show(message, { isError });
  else standaloneToast?.(message, isError);
}
