// The English of what the app-cost code says to a person (namespace 'apps'); the other languages are in
// src/i18n/messages/apps.ts. ICU MessageFormat: numbers signed with ::sign-always ("+9").
import { messageFn } from '../../src/report/message.ts';

export const APPS_STRINGS = {
  /** "without Reviews Pro: +9 points (range +6 to +12)", then the LCP and TBT changes. */
  withoutApp:
    'Without {app}: {points, number, ::sign-always} points (range {pointsMin, number, ::sign-always} to {pointsMax, number, ::sign-always}), LCP {lcp} shorter, TBT {tbt} shorter, median of {runs, plural, one {# run} other {# runs}}',
  withoutAppNoScore: 'Without {app}: could not test (no run without the app produced a score)',
  unreliableMarkup:
    '{app} renders {count, plural, one {# element} other {# elements}} into the page’s HTML that blocking its scripts cannot remove, so this measurement understates its cost.',
  shopifyLimit:
    '{app} costs this store {points, number} Lighthouse points (weighted home 17 %, product 40 %, collection 43 %, as Shopify measures it), more than the 10 points Shopify’s App Store allows an app to take from a storefront. Take this measurement to the app’s developer.',
  withinShopifyLimit: '{app} costs this store {points, number} Lighthouse points (weighted as Shopify measures it), within the 10-point limit Shopify’s App Store sets.',
  withoutAppsCost:
    'Measuring {apps, plural, one {# app} other {# apps}} by their absence took {runs, plural, one {# extra page run} other {# extra page runs}} ({time}).',
  // Shown by the HTML report's app section (src/report/html/app-costs.ts) and the admin's apps panel.
  reportMeasuredTitle: 'Measured: each page without the app',
  reportMeasuredIntro:
    'Each page was loaded again with the app’s files blocked, the way Shopify measures an app before and after it is installed. The figures are what the page gains without the app: the median of the runs, with the lowest and highest.',
  reportEstimateNote:
    'Downloaded bytes, main-thread time and blocking time are estimates from the audit’s own runs, attributed by URL. The “without the app” measurement was not made in this audit; scheduled audits make it once a week.',
  reportColumnWithout: 'Measured without it',
  reportColumnScore: 'Score gained',
  reportColumnLcp: 'LCP saved',
  reportColumnFcp: 'FCP saved',
  reportColumnTbt: 'TBT saved',
  reportColumnRuns: 'Runs',
  pointsRange: '{median, number, ::sign-always} ({min, number, ::sign-always} to {max, number, ::sign-always})',
  msRange: '{median} ({min} to {max})',
  weightedPoints: '{points, number, ::sign-always} points',
  overLimit: 'over Shopify’s 10-point limit',
  understated: 'understated',
  unnamedApp: 'Unnamed app ({id})',
  notTested: 'could not test',
} as const;

export const appsMessage = messageFn('apps', APPS_STRINGS);
