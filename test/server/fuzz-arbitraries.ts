// fast-check arbitraries for hostile HTTP input. A route's own zod schemas (through z.toJSONSchema) give the
// shape of near-valid input, so the fuzz reaches handlers and stores, not only the validator; every leaf may
// instead be a hostile value (NUL, lone surrogates, 64-bit overflows, other URL schemes, traversal, huge text).
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};

/** Strings a server meets in the wild, plus `extra` known to the running server (its run ids, fix ids, URLs). */
export function hostileStrings(extra: string[] = []): fc.Arbitrary<string> {
  const known = [
    '', ' ', '0', '1', '-1', '1.5', '1e3', '0x10', 'NaN', 'Infinity', '9007199254740991', '9007199254740993',
    '9223372036854775807', '9223372036854775808', '99999999999999999999', '-9223372036854775809',
    'a\u0000b', '\u0000', '\ud800', 'x\udfffy', '\ud83d', '😀', 'עברית', 'فارسی', '中文', '\u202e', '\ufeff',
    '../../etc/passwd', '..', '.', '/', '\\', '%00', '%2e%2e%2f', '<script>alert(1)</script>', "'; DROP TABLE runs;--",
    'ftp://x', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'http://', 'https://user:pw@127.0.0.1:9/',
    'http://[::1]:9/', 'http://169.254.169.254/', 'daily', 'weekly', '0 3 * * 1', '* * * * *', '61 25 * * *', 'UTC',
    'Europe/Berlin', 'Not/AZone', 'done', 'ignored', 'open', 'mobile', 'desktop', 'both', '4xx', '5xx', 'error',
    'true', 'null', '{}', '[]', 'x'.repeat(5000),
  ];
  const codeUnits = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known, ...extra) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: codeUnits, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  );
}

export function hostileNumbers(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constantFrom(0, -0, -1, 1.5, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE),
  );
}

/** Any JSON a client could send, including nesting, big numbers and hostile strings. */
export function hostileJson(strings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      strings,
      hostileNumbers(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(strings, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
}

function fromJsonSchema(schema: JsonSchema, strings: fc.Arbitrary<string>, hostile: fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  const sub = (s: JsonSchema) => fromJsonSchema(s, strings, hostile, depth + 1);
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map(sub));
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'object': {
        if (depth > 4) return fc.constant({});
        const props = schema.properties ?? {};
        const names = Object.keys(props);
        const record = fc.record(Object.fromEntries(names.map((n) => [n, sub(props[n] as JsonSchema)])), { requiredKeys: schema.required ?? [] });
        const extraValues = typeof schema.additionalProperties === 'object' ? sub(schema.additionalProperties) : hostile;
        const extras = fc.dictionary(strings, extraValues, { maxKeys: typeof schema.additionalProperties === 'object' ? 3 : 1 });
        return names.length ? fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: fc.tuple(record, extras).map(([a, b]) => ({ ...b, ...a })) }) : extras;
      }
      case 'array':
        return fc.array(schema.items ? sub(schema.items) : hostile, { maxLength: Math.min(schema.maxItems ?? 4, 4) });
      case 'string':
        return schema.pattern ? fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), strings) : strings;
      case 'integer':
        return fc.oneof(fc.integer({ min: Math.max(schema.minimum ?? -1e6, -1e9), max: Math.min(schema.maximum ?? 1e6, 1e9) }), hostileNumbers());
      case 'number':
        return fc.oneof(fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }), hostileNumbers());
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return hostile;
    }
  })();
  // Any node may be replaced by something hostile of any type.
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: hostile });
}

/** Input shaped like what `schema` accepts (often valid, often nearly), or anything at all. */
export function inputFor(schema: z.ZodType | undefined, strings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const hostile = hostileJson(strings);
  if (!schema) return hostile;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fc.oneof({ weight: 4, arbitrary: fromJsonSchema(json, strings, hostile, 0) }, { weight: 1, arbitrary: hostile });
}

/** The JSON schema's property names: where a route's params and query keys come from. */
export function propertyNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.keys(json.properties ?? {});
}
