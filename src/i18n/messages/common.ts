// Words many modules share: templates, devices, resource kinds.
import { defineCatalogue } from './define.ts';

export const COMMON_STRINGS = {
  /** One formatted value on its own (a duration, an amount, a URL), e.g. for a table cell. */
  value: '{value}',
  'template.home': 'home page',
  'template.collection': 'collection page',
  'template.product': 'product page',
  'template.page': 'content page',
  'template.blog': 'blog',
  'template.article': 'blog post',
  'template.cart': 'cart',
  'template.search': 'search results',
  'template.other': 'other page',
  'device.mobile': 'phone',
  'device.desktop': 'desktop',
} as const;

export const common = defineCatalogue('common', COMMON_STRINGS, {
  'zh-CN': {
    value: '{value}',
    'template.home': '首页',
    'template.collection': '商品系列页',
    'template.product': '商品页',
    'template.page': '内容页',
    'template.blog': '博客',
    'template.article': '博客文章',
    'template.cart': '购物车',
    'template.search': '搜索结果',
    'template.other': '其他页面',
    'device.mobile': '手机',
    'device.desktop': '桌面',
  },
  he: {
    value: '{value}',
    'template.home': 'דף הבית',
    'template.collection': 'דף קטגוריה',
    'template.product': 'דף מוצר',
    'template.page': 'דף תוכן',
    'template.blog': 'בלוג',
    'template.article': 'פוסט בבלוג',
    'template.cart': 'עגלת קניות',
    'template.search': 'תוצאות חיפוש',
    'template.other': 'דף אחר',
    'device.mobile': 'טלפון',
    'device.desktop': 'מחשב',
  },
  fa: {
    value: '{value}',
    'template.home': 'صفحهٔ اصلی',
    'template.collection': 'صفحهٔ مجموعه',
    'template.product': 'صفحهٔ محصول',
    'template.page': 'صفحهٔ محتوا',
    'template.blog': 'وبلاگ',
    'template.article': 'نوشتهٔ وبلاگ',
    'template.cart': 'سبد خرید',
    'template.search': 'نتایج جستجو',
    'template.other': 'صفحهٔ دیگر',
    'device.mobile': 'تلفن همراه',
    'device.desktop': 'رایانهٔ رومیزی',
  },
});
