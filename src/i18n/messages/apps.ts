// The 'apps' namespace: strings the app-cost code emits as messages (see define.ts and docs/architecture.md).
// The English sits beside its emitter, audits/load-time/app-messages.ts.
import { APPS_STRINGS } from '../../../audits/load-time/app-messages.ts';
import { defineCatalogue } from './define.ts';

export { APPS_STRINGS };

export const apps = defineCatalogue('apps', APPS_STRINGS, {
  'zh-CN': {
    withoutApp:
      '去掉 {app}：{points, number, ::sign-always} 分（范围 {pointsMin, number, ::sign-always} 至 {pointsMax, number, ::sign-always}），LCP 缩短 {lcp}，TBT 缩短 {tbt}，取 {runs, plural, other {# 次运行}}的中位数',
    withoutAppNoScore: '去掉 {app}：无法测试（去掉该应用后的运行均未得到分数）',
    unreliableMarkup: '{app} 在页面 HTML 中渲染了 {count, plural, other {# 个元素}}，屏蔽其脚本无法移除这些元素，因此该测量低估了它的成本。',
    shopifyLimit:
      '{app} 使本店铺损失 {points, number} 个 Lighthouse 分数（按 Shopify 的方式加权：首页 17%、商品页 40%、商品系列页 43%），超过了 Shopify 应用商店允许应用对店面造成的 10 分上限。请将此测量结果提供给该应用的开发者。',
    withinShopifyLimit: '{app} 使本店铺损失 {points, number} 个 Lighthouse 分数（按 Shopify 的方式加权），在 Shopify 应用商店规定的 10 分上限之内。',
    withoutAppsCost: '通过去掉应用来测量 {apps, plural, other {# 个应用}}，额外进行了 {runs, plural, other {# 次页面运行}}（{time}）。',
    reportMeasuredTitle: '实测：去掉各应用后的页面',
    reportMeasuredIntro: '在屏蔽该应用文件的情况下重新加载每个页面，与 Shopify 在安装应用前后测量应用的方式相同。数字是去掉该应用后页面的改善：各次运行的中位数，以及最低值和最高值。',
    reportEstimateNote: '下载量、主线程时间和阻塞时间是根据本次审核自身的运行按 URL 归属得出的估算。本次审核没有进行“去掉应用”的测量；定期审核每周进行一次。',
    reportColumnWithout: '去掉后实测',
    reportColumnScore: '分数提升',
    reportColumnLcp: 'LCP 缩短',
    reportColumnFcp: 'FCP 缩短',
    reportColumnTbt: 'TBT 缩短',
    reportColumnRuns: '运行次数',
    pointsRange: '{median, number, ::sign-always}（{min, number, ::sign-always} 至 {max, number, ::sign-always}）',
    msRange: '{median}（{min} 至 {max}）',
    weightedPoints: '{points, number, ::sign-always} 分',
    overLimit: '超过 Shopify 的 10 分上限',
    understated: '低估',
    unnamedApp: '未命名应用（{id}）',
    notTested: '无法测试',
  },
  he: {
    withoutApp:
      'ללא {app}: {points, number, ::sign-always} נקודות (טווח {pointsMin, number, ::sign-always} עד {pointsMax, number, ::sign-always}), LCP קצר יותר ב-{lcp}, TBT קצר יותר ב-{tbt}, חציון של {runs, plural, one {הרצה אחת} other {# הרצות}}',
    withoutAppNoScore: 'ללא {app}: לא ניתן לבדוק (אף הרצה ללא האפליקציה לא הפיקה ציון)',
    unreliableMarkup:
      '{app} מציגה {count, plural, one {רכיב אחד} other {# רכיבים}} ב-HTML של הדף שחסימת הסקריפטים שלה לא מסירה, ולכן המדידה הזו מעריכה בחסר את העלות שלה.',
    shopifyLimit:
      '{app} עולה לחנות הזו {points, number} נקודות Lighthouse (במשקל דף הבית 17%, מוצר 40%, קולקציה 43%, כפי ש-Shopify מודדת), יותר מ-10 הנקודות שחנות האפליקציות של Shopify מתירה לאפליקציה לגרוע מחזית החנות. העבירו את המדידה הזו למפתח האפליקציה.',
    withinShopifyLimit: '{app} עולה לחנות הזו {points, number} נקודות Lighthouse (במשקל כפי ש-Shopify מודדת), בתוך מגבלת 10 הנקודות של חנות האפליקציות של Shopify.',
    withoutAppsCost: 'מדידת {apps, plural, one {אפליקציה אחת} other {# אפליקציות}} לפי היעדרן דרשה {runs, plural, one {הרצת דף נוספת אחת} other {# הרצות דף נוספות}} ({time}).',
    reportMeasuredTitle: 'נמדד: כל דף ללא האפליקציה',
    reportMeasuredIntro: 'כל דף נטען שוב כשהקבצים של האפליקציה חסומים, כפי ש-Shopify מודדת אפליקציה לפני ההתקנה ואחריה. המספרים הם מה שהדף מרוויח ללא האפליקציה: החציון של ההרצות, עם הנמוך והגבוה ביותר.',
    reportEstimateNote: 'הנתונים שהורדו, זמן העבודה בתהליכון הראשי וזמן החסימה הם הערכות מההרצות של הבדיקה עצמה, המשויכות לפי כתובת. המדידה "ללא האפליקציה" לא בוצעה בבדיקה הזו; בדיקות מתוזמנות מבצעות אותה פעם בשבוע.',
    reportColumnWithout: 'נמדד בלעדיה',
    reportColumnScore: 'ציון שנוסף',
    reportColumnLcp: 'קיצור LCP',
    reportColumnFcp: 'קיצור FCP',
    reportColumnTbt: 'קיצור TBT',
    reportColumnRuns: 'הרצות',
    pointsRange: '{median, number, ::sign-always} ({min, number, ::sign-always} עד {max, number, ::sign-always})',
    msRange: '{median} ({min} עד {max})',
    weightedPoints: '{points, number, ::sign-always} נקודות',
    overLimit: 'מעל מגבלת 10 הנקודות של Shopify',
    understated: 'מוערך בחסר',
    unnamedApp: 'אפליקציה ללא שם ({id})',
    notTested: 'לא ניתן לבדוק',
  },
  fa: {
    withoutApp:
      'بدون {app}: {points, number, ::sign-always} امتیاز (بازه {pointsMin, number, ::sign-always} تا {pointsMax, number, ::sign-always})، LCP به اندازه {lcp} کوتاه‌تر، TBT به اندازه {tbt} کوتاه‌تر، میانه {runs, plural, other {# اجرا}}',
    withoutAppNoScore: 'بدون {app}: آزمایش ممکن نشد (هیچ اجرایی بدون این برنامه امتیازی نداد)',
    unreliableMarkup: '{app} {count, plural, other {# عنصر}} در HTML صفحه می‌سازد که مسدود کردن اسکریپت‌هایش آن‌ها را حذف نمی‌کند، پس این اندازه‌گیری هزینه آن را کمتر از واقع نشان می‌دهد.',
    shopifyLimit:
      '{app} برای این فروشگاه {points, number} امتیاز Lighthouse هزینه دارد (با وزن صفحه اصلی ۱۷٪، محصول ۴۰٪، مجموعه ۴۳٪، همان‌طور که Shopify می‌سنجد)، بیش از ۱۰ امتیازی که فروشگاه برنامه‌های Shopify به یک برنامه اجازه می‌دهد از ویترین فروشگاه بکاهد. این اندازه‌گیری را به توسعه‌دهنده برنامه بدهید.',
    withinShopifyLimit: '{app} برای این فروشگاه {points, number} امتیاز Lighthouse هزینه دارد (با وزن‌دهی Shopify)، در محدوده ۱۰ امتیازی که فروشگاه برنامه‌های Shopify تعیین کرده است.',
    withoutAppsCost: 'اندازه‌گیری {apps, plural, other {# برنامه}} با حذفشان {runs, plural, other {# اجرای اضافه صفحه}} طول کشید ({time}).',
    reportMeasuredTitle: 'اندازه‌گیری‌شده: هر صفحه بدون برنامه',
    reportMeasuredIntro: 'هر صفحه دوباره با مسدود کردن فایل‌های برنامه بارگذاری شد، همان‌طور که Shopify یک برنامه را پیش و پس از نصب می‌سنجد. اعداد آن چیزی است که صفحه بدون برنامه به دست می‌آورد: میانه اجراها، با کمترین و بیشترین مقدار.',
    reportEstimateNote: 'حجم دانلود، زمان رشته اصلی و زمان مسدودسازی تخمین‌هایی از اجراهای خود این بررسی هستند که بر اساس نشانی نسبت داده شده‌اند. اندازه‌گیری «بدون برنامه» در این بررسی انجام نشد؛ بررسی‌های زمان‌بندی‌شده آن را هفته‌ای یک بار انجام می‌دهند.',
    reportColumnWithout: 'اندازه‌گیری بدون آن',
    reportColumnScore: 'امتیاز افزوده',
    reportColumnLcp: 'کاهش LCP',
    reportColumnFcp: 'کاهش FCP',
    reportColumnTbt: 'کاهش TBT',
    reportColumnRuns: 'اجراها',
    pointsRange: '{median, number, ::sign-always} ({min, number, ::sign-always} تا {max, number, ::sign-always})',
    msRange: '{median} ({min} تا {max})',
    weightedPoints: '{points, number, ::sign-always} امتیاز',
    overLimit: 'بیش از محدودیت ۱۰ امتیازی Shopify',
    understated: 'کمتر از واقع',
    unnamedApp: 'برنامه بی‌نام ({id})',
    notTested: 'آزمایش ممکن نشد',
  },
});
