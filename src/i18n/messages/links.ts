// The 'links' namespace: strings the links code emits as messages (see define.ts and docs/architecture.md).
// The crawler (audits/links/finding-text.ts) attaches one to every broken and unverifiable URL and to every
// truncation note, beside the English `error`/`reason` kept for old readers of the report.
import { defineCatalogue } from './define.ts';

export const LINKS_STRINGS = {
  httpStatus: 'The link answers HTTP {status}: shoppers who follow it get an error page.',
  missingFragment: 'The page loads, but nothing on it has the id “{fragment}”, so the link does not scroll to its section.',
  notModified: 'The link answers 304 Not Modified to a request that was not conditional: a browser shows nothing.',
  redirectWithoutLocation: 'The link answers HTTP {status}, a redirect that does not say where to: a browser shows nothing.',
  tooManyRedirects: 'The link redirects more than {max} times: browsers give up after 20.',
  malformedUrl: 'The link is not a valid URL: {detail}',
  unreachable: 'The link could not be fetched ({kind}): {detail}',
  botRefusal: 'Could not verify: {host} refuses automated requests (HTTP 999). Check it in a browser.',
  botChallenge: 'Could not verify: the site answered with a bot-protection challenge. Check it in a browser.',
  pageCap:
    'Page cap of {max} reached: {count, plural, one {# more page was} other {# more pages were}} checked but not crawled, so links on them were not checked.',
  crawlTrap: 'Crawling stopped in part of the store that never ends: {detail}',
} as const;

export const links = defineCatalogue('links', LINKS_STRINGS, {
  'zh-CN': {
    httpStatus: '该链接返回 HTTP {status}：顾客点开后看到的是错误页。',
    missingFragment: '页面可以打开，但页面上没有 id 为“{fragment}”的元素，链接无法跳转到对应位置。',
    notModified: '该链接对非条件请求返回 304 Not Modified：浏览器什么也不会显示。',
    redirectWithoutLocation: '该链接返回 HTTP {status}，是一个没有目标地址的重定向：浏览器什么也不会显示。',
    tooManyRedirects: '该链接重定向超过 {max} 次：浏览器在 20 次后就会放弃。',
    malformedUrl: '该链接不是有效的 URL：{detail}',
    unreachable: '无法获取该链接（{kind}）：{detail}',
    botRefusal: '无法验证：{host} 拒绝自动化请求（HTTP 999）。请在浏览器中检查。',
    botChallenge: '无法验证：该网站返回了防机器人验证页面。请在浏览器中检查。',
    pageCap: '已达到 {max} 个页面的上限：另有 {count, plural, other {# 个页面}}只做了检查、未被抓取，其中的链接没有检查。',
    crawlTrap: '商店中有一部分会无限延伸，已停止抓取：{detail}',
  },
  he: {
    httpStatus: 'הקישור מחזיר HTTP {status}: קונים שלוחצים עליו מגיעים לדף שגיאה.',
    missingFragment: 'הדף נטען, אבל אין בו רכיב עם המזהה „{fragment}”, ולכן הקישור לא גולל לקטע שלו.',
    notModified: 'הקישור מחזיר 304 Not Modified לבקשה שאינה מותנית: הדפדפן לא מציג דבר.',
    redirectWithoutLocation: 'הקישור מחזיר HTTP {status}, הפניה שלא אומרת לאן: הדפדפן לא מציג דבר.',
    tooManyRedirects: 'הקישור מפנה יותר מ-{max} פעמים: דפדפנים מוותרים אחרי 20.',
    malformedUrl: 'הקישור אינו כתובת URL תקינה: {detail}',
    unreachable: 'לא ניתן היה לטעון את הקישור ({kind}): {detail}',
    botRefusal: 'לא ניתן לאמת: {host} מסרב לבקשות אוטומטיות (HTTP 999). בדקו אותו בדפדפן.',
    botChallenge: 'לא ניתן לאמת: האתר ענה באתגר הגנה מפני בוטים. בדקו אותו בדפדפן.',
    pageCap:
      'הגעתם למגבלה של {max} דפים: {count, plural, one {דף נוסף אחד נבדק} other {# דפים נוספים נבדקו}} בלי להיסרק, ולכן הקישורים שבהם לא נבדקו.',
    crawlTrap: 'הסריקה נעצרה בחלק של החנות שאינו נגמר: {detail}',
  },
  fa: {
    httpStatus: 'این پیوند HTTP {status} برمی‌گرداند: خریدارانی که آن را باز کنند صفحهٔ خطا می‌بینند.',
    missingFragment: 'صفحه باز می‌شود، اما هیچ عنصری با شناسهٔ «{fragment}» در آن نیست و پیوند به بخش خودش نمی‌رود.',
    notModified: 'این پیوند به درخواستی که شرطی نبوده 304 Not Modified برمی‌گرداند: مرورگر چیزی نشان نمی‌دهد.',
    redirectWithoutLocation: 'این پیوند HTTP {status} برمی‌گرداند، تغییر مسیری که مقصد ندارد: مرورگر چیزی نشان نمی‌دهد.',
    tooManyRedirects: 'این پیوند بیش از {max} بار تغییر مسیر می‌دهد: مرورگرها پس از ۲۰ بار منصرف می‌شوند.',
    malformedUrl: 'این پیوند نشانی URL معتبری نیست: {detail}',
    unreachable: 'دریافت این پیوند ممکن نشد ({kind}): {detail}',
    botRefusal: 'بررسی ممکن نشد: {host} درخواست‌های خودکار را رد می‌کند (HTTP 999). آن را در مرورگر بررسی کنید.',
    botChallenge: 'بررسی ممکن نشد: سایت با صفحهٔ محافظت در برابر ربات پاسخ داد. آن را در مرورگر بررسی کنید.',
    pageCap:
      'سقف {max} صفحه پر شد: {count, plural, one {# صفحهٔ دیگر} other {# صفحهٔ دیگر}} فقط بررسی شد و خزیده نشد، پس پیوندهای آن بررسی نشدند.',
    crawlTrap: 'خزیدن در بخشی از فروشگاه که پایان ندارد متوقف شد: {detail}',
  },
});
