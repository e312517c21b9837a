// The 'checkout' namespace: strings the checkout code emits as messages (see define.ts and docs/architecture.md).
import { messageFn } from '../../report/message.ts';
import { defineCatalogue } from './define.ts';

export const CHECKOUT_STRINGS = {
  storeFailure: 'Shoppers cannot get past the checkout step {step}: {reason}',
  couldNotTest: 'Could not test the checkout past step {step}: {reason}. This is the auditor\'s limit, not a finding about the store.',
  'reason.selector-not-found': 'the auditor found no control it recognises',
  'reason.validation-error': 'the store rejected a field',
  'reason.timeout': 'nothing happened in time',
  'reason.crash': 'the browser crashed',
  'reason.no-products': 'no product can be bought',
  'reason.empty-cart': 'the cart was empty after adding a product',
  'reason.sold-out': 'every product tried is sold out',
  'reason.password-protected': 'the storefront is password-protected',
  'reason.other': 'the store answered with an error',
  // 'other' on the auditor's side (its browser would not start, its request failed): never blamed on the store.
  'reason.auditor-other': 'the auditor itself failed (its browser or its connection)',
} as const;

export const checkoutMessage = messageFn('checkout', CHECKOUT_STRINGS);

export const checkout = defineCatalogue('checkout', CHECKOUT_STRINGS, {
  'zh-CN': {
    storeFailure: '顾客无法通过结账步骤 {step}：{reason}',
    couldNotTest: '无法测试结账步骤 {step} 之后的部分：{reason}。这是审计工具的局限，不是关于店铺的发现。',
    'reason.selector-not-found': '审计工具没有找到可识别的控件',
    'reason.validation-error': '店铺拒绝了某个字段',
    'reason.timeout': '在限定时间内没有任何响应',
    'reason.crash': '浏览器崩溃',
    'reason.no-products': '没有可购买的商品',
    'reason.empty-cart': '添加商品后购物车为空',
    'reason.sold-out': '尝试的所有商品均已售罄',
    'reason.password-protected': '店铺前台受密码保护',
    'reason.other': '店铺返回了错误',
    'reason.auditor-other': '审计工具自身出错（浏览器或网络连接）',
  },
  he: {
    storeFailure: 'קונים לא יכולים לעבור את שלב התשלום {step}: {reason}',
    couldNotTest: 'לא ניתן היה לבדוק את התשלום אחרי השלב {step}: {reason}. זו מגבלה של כלי הבדיקה, לא ממצא על החנות.',
    'reason.selector-not-found': 'כלי הבדיקה לא מצא רכיב שהוא מזהה',
    'reason.validation-error': 'החנות דחתה שדה',
    'reason.timeout': 'דבר לא קרה בזמן',
    'reason.crash': 'הדפדפן קרס',
    'reason.no-products': 'אין מוצר שניתן לקנות',
    'reason.empty-cart': 'העגלה הייתה ריקה אחרי הוספת מוצר',
    'reason.sold-out': 'כל המוצרים שנוסו אזלו מהמלאי',
    'reason.password-protected': 'חזית החנות מוגנת בסיסמה',
    'reason.other': 'החנות השיבה בשגיאה',
    'reason.auditor-other': 'הכלי עצמו נכשל (הדפדפן או החיבור שלו)',
  },
  fa: {
    storeFailure: 'خریداران نمی‌توانند از مرحلهٔ پرداخت {step} عبور کنند: {reason}',
    couldNotTest: 'آزمودن پرداخت پس از مرحلهٔ {step} ممکن نشد: {reason}. این محدودیت ابزار بررسی است، نه یافته‌ای دربارهٔ فروشگاه.',
    'reason.selector-not-found': 'ابزار بررسی هیچ کنترل شناخته‌شده‌ای پیدا نکرد',
    'reason.validation-error': 'فروشگاه یک فیلد را رد کرد',
    'reason.timeout': 'در زمان مقرر اتفاقی نیفتاد',
    'reason.crash': 'مرورگر از کار افتاد',
    'reason.no-products': 'هیچ محصولی قابل خرید نیست',
    'reason.empty-cart': 'پس از افزودن محصول، سبد خرید خالی بود',
    'reason.sold-out': 'همهٔ محصولات امتحان‌شده ناموجودند',
    'reason.password-protected': 'ویترین فروشگاه با رمز عبور محافظت می‌شود',
    'reason.other': 'فروشگاه با خطا پاسخ داد',
    'reason.auditor-other': 'خود ابزار بررسی از کار افتاد (مرورگر یا اتصال آن)',
  },
});
