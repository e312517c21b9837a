import { isDefective, type PageRequest, type StoreContext } from '../context.ts';
import { layout } from './layout.ts';
import { imageUrl } from './media.ts';

export interface Article {
  handle: string;
  title: string;
  excerpt: string;
  published: string;
}

export const ARTICLES: readonly Article[] = [
  { handle: 'how-we-source-our-linen', title: 'How we source our linen', excerpt: 'From flax field to finished shirt, every step of the way.', published: '2026-10-02' },
  { handle: 'caring-for-wool', title: 'Caring for wool', excerpt: 'Five habits that keep knitwear soft for a decade.', published: '2026-09-14' },
  { handle: 'the-summer-edit', title: 'The summer edit', excerpt: 'Light layers we reach for when the days get long.', published: '2026-06-20' },
  { handle: 'behind-the-workshop', title: 'Behind the workshop', excerpt: 'Meet the people who finish every piece by hand.', published: '2026-05-03' },
  { handle: 'repair-not-replace', title: 'Repair, not replace', excerpt: 'Our lifetime repair promise, explained.', published: '2026-03-11' },
];

export function articleByHandle(handle: string): Article | undefined {
  return ARTICLES.find((a) => a.handle === handle);
}

export function blogPage(ctx: StoreContext, req: PageRequest): string {
  const cards = ARTICLES.map((a, i) => `<li class="blog-articles__article article"><div class="card-wrapper underline-links-hover"><div class="card article-card card--standard card--media">
<div class="card__inner ratio" style="--ratio-percent: 50%;"><div class="article-card__image-wrapper card__media"><div class="article-card__image media media--hover-effect">
<img srcset="${imageUrl(`article-${i}.png`, 533)} 533w, ${imageUrl(`article-${i}.png`, 1066)} 1066w" src="${imageUrl(`article-${i}.png`, 533)}" sizes="(min-width: 1200px) 550px, 100vw" alt="${a.title}" width="1200" height="600"${i === 0 && !isDefective(ctx) ? ' fetchpriority="high"' : ' loading="lazy"'}></div></div></div>
<div class="card__content"><div class="card__information"><h3 class="card__heading h2"><a href="/blogs/news/${a.handle}" class="full-unstyled-link">${a.title}</a></h3>
<div class="article-card__info caption-with-letter-spacing h5"><span class="circle-divider"><time datetime="${a.published}T09:00:00Z">${a.published}</time></span></div>
<p class="article-card__excerpt rte-width">${a.excerpt}</p></div></div></div></div></li>`).join('\n');
  const body = `<div class="main-blog page-width section"><h1 class="title--primary">Journal</h1><div class="blog-articles">${cards}</div></div>`;
  return layout(ctx, req, { title: 'Journal', template: 'blog', body });
}

export function articlePage(ctx: StoreContext, req: PageRequest, a: Article): string {
  const i = ARTICLES.indexOf(a);
  const picks = [0, 1].map((k) => ctx.catalog.product(k + i)).filter((p) => p !== undefined);
  const mentions = picks.map((p) => `<a href="/products/${p.handle}">${p.title}</a>`).join(' and ');
  const body = `<article class="article-template"><div class="article-template__hero-container"><div class="article-template__hero-medium media">
<img src="${imageUrl(`article-${i}.png`, 1100)}" srcset="${imageUrl(`article-${i}.png`, 533)} 533w, ${imageUrl(`article-${i}.png`, 1100)} 1100w" sizes="100vw" alt="${a.title}" width="1200" height="600"></div></div>
<header class="page-width page-width--narrow"><h1 class="article-template__title">${a.title}</h1><span class="circle-divider caption-with-letter-spacing"><time datetime="${a.published}T09:00:00Z">${a.published}</time></span></header>
<div class="article-template__content page-width page-width--narrow rte"><p>${a.excerpt}</p><p>We wrote this for people who keep things for years.${mentions ? ` Try the ${mentions}.` : ''}</p></div>
<div class="article-template__back element-margin-top center"><a href="/blogs/news" class="article-template__link link animate-arrow">Back to blog</a></div></article>`;
  return layout(ctx, req, { title: a.title, template: 'article', body, description: a.excerpt });
}
