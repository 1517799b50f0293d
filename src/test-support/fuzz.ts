import fc from 'fast-check';

// Hostile requests generated from an OpenAPI 3.1 document (the one the app serves): each operation's path
// parameters, query and JSON body, drawn from their schemas and from values chosen to break a boundary.

/** One operation of the document: its method, templated path and the schemas of its inputs. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  contentType: string | undefined;
}

/** A request ready for `app.inject`: the URL with its query, headers and the raw body. */
export interface FuzzRequest {
  url: string;
  headers: Record<string, string>;
  payload: string | undefined;
}

/** The part of JSON Schema the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

const METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every member of JsonSchema is optional, so any object read from the document is one to the generator. */
function isSchema(value: unknown): value is JsonSchema {
  return isRecord(value);
}

function schemaOf(value: unknown): JsonSchema | undefined {
  return isSchema(value) ? value : undefined;
}

/** The operations of an OpenAPI document (every path and method it lists). */
export function operationsOf(document: unknown): Operation[] {
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const [method, upper] of Object.entries(METHODS)) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const parameters = Array.isArray(op.parameters) ? op.parameters.filter(isRecord) : [];
      const queryParams = parameters
        .filter((p) => p.in === 'query' && typeof p.name === 'string')
        .map((p) => ({ name: String(p.name), schema: schemaOf(p.schema) ?? {} }));
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
      const content =
        isRecord(op.requestBody) && isRecord(op.requestBody.content) ? op.requestBody.content : undefined;
      const contentType = content ? Object.keys(content)[0] : undefined;
      const media = content && contentType ? content[contentType] : undefined;
      operations.push({
        method: upper,
        path,
        pathParams,
        queryParams,
        body: isRecord(media) ? schemaOf(media.schema) : undefined,
        contentType,
      });
    }
  }
  return operations;
}

const LONG = 'x'.repeat(200_000);

/** Strings that have broken a boundary before, or would. */
const hostileString = fc.constantFrom(
  '',
  ' ',
  LONG,
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '\ud83d',
  '0000-01-01',
  '10000-01-01',
  '0000-12-31T00:00:00Z',
  '9999-12-31',
  '0001-01-01',
  '2025-02-30',
  '-000001-01-01',
  '+010000-01-01T00:00:00Z',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '%%%',
  '%00',
  '../../etc/passwd',
  "'; drop table people; --",
  '\u202e\ufeff',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
);

/** Numbers at the edges: zero, negatives, fractions, the safe-integer limits, huge. */
const hostileNumber = fc.constantFrom(
  0,
  -1,
  0.5,
  -0,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
);

/** An object nested `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** Values of the wrong type, or of no sensible shape. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': '' }, nested(64), nested(1_000)),
);

/** A value for `schema`: mostly one it describes, often a hostile one, up to `depth` levels deep. */
export function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: wellFormed(schema ?? {}, depth) },
    { weight: 2, arbitrary: hostileValue },
  );
}

function wellFormed(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => valueFor(s, depth + 1)));
  }
  if (schema.allOf && schema.allOf.length > 0) return valueFor(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 }),
        hostileNumber,
      );
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), hostileNumber);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 });
    default:
      return objectFor(schema, depth);
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const format = schema.format;
  if (format === 'date')
    return fc.oneof(fc.constantFrom('2025-03-14', '0000-01-01', '9999-12-31'), hostileString);
  if (format === 'date-time') {
    return fc.constantFrom('2025-03-14T12:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00');
  }
  if (format === 'uuid') return fc.oneof(fc.uuid(), hostileString);
  return fc.oneof(
    fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    hostileString,
  );
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) shape[name] = valueFor(property, depth + 1);
  return fc.record(shape, { requiredKeys: Object.keys(shape).filter((k) => required.has(k)) });
}

/** Writes a query string: strings and numbers as they are, anything else as JSON. */
function queryString(values: Record<string, unknown>, raw: string | null): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    parts.push(`${encodeURIComponent(name)}=${encodeLoosely(text)}`);
  }
  if (raw) parts.push(raw);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Percent-encodes text, writing a lone surrogate as its (invalid) UTF-8 bytes instead of throwing. */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((c) => {
        const code = c.charCodeAt(0);
        if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) {
          return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
        }
        return encodeURIComponent(c);
      })
      .join('');
  }
}

/** Raw bodies a JSON parser must refuse or a prototype must survive. */
const hostileBodies = fc.constantFrom(
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":',
  '',
  'null',
  '[]',
  '"\\u0000"',
  '{"x":"\\ud800"}',
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
);

/** The JSON of `value` with `__proto__` and `constructor` keys first when it is an object. */
function withPrototypeKeys(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  if (!isRecord(value)) return json;
  const inner = json.slice(1, -1);
  const keys = '"__proto__":{"role":"admin","isAdmin":true},"constructor":{"prototype":{"polluted":1}}';
  return `{${inner === '' ? keys : `${keys},${inner}`}}`;
}

/** A path id: a real one, a missing one, or one that is not an id at all. */
function pathId(ids: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...ids),
    fc.uuid(),
    fc.constantFrom(
      '%00',
      'a%00b',
      '%ED%A0%80',
      '%25',
      'not-an-id',
      '0',
      '-1',
      '__proto__',
      'constructor',
      'x'.repeat(2_000),
    ),
  );
}

/** The arbitrary of one request to `operation`, with real ids among the path ids it tries. */
export function requestArbitrary(
  operation: Operation,
  ids: readonly string[],
  file?: fc.Arbitrary<FileBody>,
): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...operation.pathParams.map(() => pathId(ids)));
  const queryShape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const q of operation.queryParams) {
    // A query naming a record (agreement, facility, personId…) is often a real one, so the request gets
    // past the lookup to the use case.
    queryShape[q.name] = /^(agreement|facility)$|Id$/.test(q.name)
      ? fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom<unknown>(...ids) },
          { weight: 1, arbitrary: valueFor(q.schema) },
        )
      : valueFor(q.schema);
  }
  const query = fc.record(queryShape, { requiredKeys: [] });
  const rawQuery = fc.option(
    fc.constantFrom('cursor=%%%', 'limit=1e9', 'from=0000-01-01', '__proto__[x]=1', 'a=%00'),
    {
      freq: 4,
    },
  );
  const hasBody = operation.body !== undefined && operation.contentType === 'application/json';
  const json: fc.Arbitrary<FileBody | undefined> = (
    hasBody
      ? fc.oneof(
          {
            weight: 4,
            arbitrary: valueFor(operation.body).map((v) => (v === undefined ? undefined : JSON.stringify(v))),
          },
          // A body of the right shape with prototype keys beside its fields, as JSON.parse keeps them.
          { weight: 1, arbitrary: wellFormed(operation.body ?? {}, 0).map(withPrototypeKeys) },
          { weight: 1, arbitrary: hostileBodies },
        )
      : fc.constant(undefined)
  ).map((payload) => (payload === undefined ? undefined : { type: 'application/json', payload }));
  const body = file ?? json;
  return fc.tuple(params, query, rawQuery, body).map(([values, q, raw, sent]) => {
    let path = operation.path;
    operation.pathParams.forEach((name, i) => {
      const value = values[i] ?? '';
      // Ids written to break the URL go in as they are; the others are encoded as a client would.
      const written = /^[\w%.-]*$/.test(value) ? value : encodeLoosely(value);
      path = path.replace(`{${name}}`, written);
    });
    const headers: Record<string, string> = {};
    if (sent !== undefined) headers['content-type'] = sent.type;
    return { url: `${path}${queryString(q, raw)}`, headers, payload: sent?.payload };
  });
}

/** A body that is a file: its content type and text. */
export interface FileBody {
  type: string;
  payload: string;
}

/**
 * An import file of a few rows, as NDJSON (objects generated from `rowSchema`, hostile values among
 * them) or as CSV (`goodRow`'s cells under `header`, one cell of a row replaced by a hostile string).
 */
export function importFileArbitrary(
  rowSchema: JsonSchema,
  header: string,
  goodRow: readonly string[],
): fc.Arbitrary<FileBody> {
  const ndjson = fc
    .array(
      fc.oneof(
        valueFor(rowSchema).map((v) => JSON.stringify(v) ?? 'null'),
        wellFormed(rowSchema, 0).map(withPrototypeKeys),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((lines) => ({ type: 'application/x-ndjson', payload: lines.join('\n') }));
  const csvRow = fc
    .tuple(fc.nat(goodRow.length - 1), fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 20 })))
    .map(([at, value]) => goodRow.map((cell, i) => csvCell(i === at ? value : cell)).join(','));
  const csv = fc
    .array(csvRow, { minLength: 1, maxLength: 4 })
    .map((rows) => ({ type: 'text/csv', payload: [header, ...rows].join('\n') }));
  return fc.oneof(ndjson, csv);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
