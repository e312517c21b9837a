// The test shopper. A real-looking US address (a fictional 555 phone number, an example.com mailbox) so that
// server-side address validation accepts it; every field can be overridden in options.
import { z } from 'zod';

export const testAddressSchema = z.object({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  company: z.string(),
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  /** Province/state code; matched against a select's option values and texts together with provinceName. */
  province: z.string(),
  provinceName: z.string(),
  postalCode: z.string(),
  /** ISO 3166-1 alpha-2, matched together with countryName. */
  country: z.string(),
  countryName: z.string(),
  phone: z.string(),
  /** Put into a required text field that autofill would not recognise (custom steps can do better). */
  fallbackText: z.string(),
});
export type TestAddress = z.infer<typeof testAddressSchema>;

export const DEFAULT_TEST_ADDRESS: TestAddress = {
  email: 'checkout-audit@example.com',
  firstName: 'Avery',
  lastName: 'Tester',
  company: 'Storefront Audit',
  address1: '350 Fifth Avenue',
  address2: 'Suite 4100',
  city: 'New York',
  province: 'NY',
  provinceName: 'New York',
  postalCode: '10118',
  country: 'US',
  countryName: 'United States',
  phone: '+1 212 555 0147',
  fallbackText: 'Test',
};
