/** Countries and zones the demo checkout ships to, with their postal-code rules. */
export interface Country {
  code: string;
  name: string;
  zoneLabel: string;
  postalLabel: string;
  postalPattern: RegExp;
  zones: [string, string][];
}

export const COUNTRIES: readonly Country[] = [
  {
    code: 'US', name: 'United States', zoneLabel: 'State', postalLabel: 'ZIP code', postalPattern: /^\d{5}$/,
    zones: [['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming']],
  },
  {
    code: 'CA', name: 'Canada', zoneLabel: 'Province', postalLabel: 'Postal code', postalPattern: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
    zones: [['AB', 'Alberta'], ['BC', 'British Columbia'], ['MB', 'Manitoba'], ['NB', 'New Brunswick'], ['NL', 'Newfoundland and Labrador'], ['NS', 'Nova Scotia'], ['ON', 'Ontario'], ['PE', 'Prince Edward Island'], ['QC', 'Quebec'], ['SK', 'Saskatchewan']],
  },
];

export function countryByCode(code: string): Country | undefined {
  return COUNTRIES.find((c) => c.code === code);
}

export interface ShippingRate {
  handle: string;
  title: string;
  cents: number;
}

export const SHIPPING_RATES: readonly ShippingRate[] = [
  { handle: 'shopify-Standard-5.90', title: 'Standard (3–5 business days)', cents: 590 },
  { handle: 'shopify-Express-14.90', title: 'Express (1–2 business days)', cents: 1490 },
];
