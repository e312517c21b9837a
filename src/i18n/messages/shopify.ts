// The 'shopify' namespace: strings the shopify code emits as messages (see define.ts and docs/architecture.md).
// The storefront status (`GET /api/shop/storefront-plugin`) carries these beside its diagnostic `reason`, which
// may be Shopify's own text and is meant for logs.
import { defineCatalogue } from './define.ts';

export const SHOPIFY_STRINGS = {
  embedNoMainTheme: 'The shop has no published theme, so the app embed cannot be checked yet.',
  embedNoSettings: "The published theme has no settings file (config/settings_data.json), so the app embed cannot be checked.",
  embedUnreadable: "The published theme's settings could not be read, so the app embed cannot be checked.",
  fieldVitalsUnavailable: "Shopify's real-user Web Vitals are not available for this shop.",
  fieldVitalsEmpty: 'Shopify has recorded no real-user page loads for this shop in the last 28 days.',
} as const;

export const shopify = defineCatalogue('shopify', SHOPIFY_STRINGS, {
  'zh-CN': {
    embedNoMainTheme: '该店铺没有已发布的主题，暂时无法检查应用嵌入。',
    embedNoSettings: '已发布的主题没有设置文件（config/settings_data.json），无法检查应用嵌入。',
    embedUnreadable: '无法读取已发布主题的设置，无法检查应用嵌入。',
    fieldVitalsUnavailable: '此店铺无法获取 Shopify 的真实用户 Web Vitals 数据。',
    fieldVitalsEmpty: '过去 28 天内，Shopify 没有记录到此店铺的真实用户页面加载。',
  },
  he: {
    embedNoMainTheme: 'לחנות אין ערכת עיצוב מפורסמת, ולכן עדיין אי אפשר לבדוק את הטמעת האפליקציה.',
    embedNoSettings: 'לערכת העיצוב המפורסמת אין קובץ הגדרות (config/settings_data.json), ולכן אי אפשר לבדוק את הטמעת האפליקציה.',
    embedUnreadable: 'לא ניתן היה לקרוא את הגדרות ערכת העיצוב המפורסמת, ולכן אי אפשר לבדוק את הטמעת האפליקציה.',
    fieldVitalsUnavailable: 'נתוני Web Vitals של משתמשים אמיתיים מ-Shopify אינם זמינים לחנות הזו.',
    fieldVitalsEmpty: 'ב-28 הימים האחרונים Shopify לא רשמה טעינות דפים של משתמשים אמיתיים בחנות הזו.',
  },
  fa: {
    embedNoMainTheme: 'این فروشگاه پوستهٔ منتشرشده‌ای ندارد، بنابراین هنوز نمی‌توان جاسازی برنامه را بررسی کرد.',
    embedNoSettings: 'پوستهٔ منتشرشده فایل تنظیمات (config/settings_data.json) ندارد، بنابراین نمی‌توان جاسازی برنامه را بررسی کرد.',
    embedUnreadable: 'تنظیمات پوستهٔ منتشرشده خوانده نشد، بنابراین نمی‌توان جاسازی برنامه را بررسی کرد.',
    fieldVitalsUnavailable: 'داده‌های Web Vitals کاربران واقعی از Shopify برای این فروشگاه در دسترس نیست.',
    fieldVitalsEmpty: 'Shopify در ۲۸ روز گذشته هیچ بارگذاری صفحه‌ای از کاربران واقعی برای این فروشگاه ثبت نکرده است.',
  },
});
