import fc, { Arbitrary } from 'fast-check';

/** The parts of an OpenAPI 3.0 schema object this generator and checker understand. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Values valid under `schema` (as far as a schema can say), for the property-based requests. */
export function arbitraryFor(doc: Document, schema: Schema, depth = 0): Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const base = (): Arbitrary<unknown> => {
    if (s.oneOf ?? s.anyOf) return fc.oneof(...(s.oneOf ?? s.anyOf)!.map((x) => arbitraryFor(doc, x, depth + 1)));
    if (s.enum) return fc.constantFrom(...s.enum);
    switch (s.type) {
      case 'string':
        return stringFor(s);
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1_000_000 });
      case 'number':
        return s.minimum !== undefined || s.maximum !== undefined
          ? fc.integer({ min: Math.ceil(s.minimum ?? -1000), max: Math.floor(s.maximum ?? 1_000_000) })
          : fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = s.items ? arbitraryFor(doc, s.items, depth + 1) : fc.string();
        return fc.array(items, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, 3)) });
      }
      case 'object':
      default: {
        if (!s.properties || depth > 6) return fc.constant({});
        const required = new Set(s.required ?? []);
        const record: Record<string, Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(s.properties)) record[k] = arbitraryFor(doc, v, depth + 1);
        const requiredKeys = Object.keys(record).filter((k) => required.has(k));
        return fc.record(record, { requiredKeys });
      }
    }
  };
  return s.nullable ? fc.option(base(), { nil: null }) : base();
}

function stringFor(s: Schema): Arbitrary<string> {
  const max = s.maxLength ?? 40;
  const min = s.minLength ?? 0;
  const fits = (v: string) => v.length >= min && v.length <= max;
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map(isoDay);
    case 'date-time':
      return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter(fits);
  }
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern, 'u')).filter(fits);
  return fc.string({ minLength: min, maxLength: Math.min(max, 40) });
}

export function resolve(doc: Document, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')];
  if (s.allOf?.length === 1) return { ...resolve(doc, s.allOf[0]), ...s, allOf: undefined };
  return s;
}

/** Where `value` breaks `schema` (types, required properties, enums, nullability), or [] when it fits. */
export function shapeProblems(doc: Document, schema: Schema, value: unknown, at = '#'): string[] {
  const s = resolve(doc, schema);
  if (value === null) return s.nullable || s.type === undefined ? [] : [`${at}: null but not nullable`];
  if (s.oneOf ?? s.anyOf) {
    const options = (s.oneOf ?? s.anyOf)!;
    return options.some((o) => shapeProblems(doc, o, value, at).length === 0) ? [] : [`${at}: fits none of the alternatives`];
  }
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`];
  switch (s.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: expected a string, got ${typeof value}`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: expected an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: expected a number, got ${typeof value}`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      return s.items ? value.flatMap((v, i) => shapeProblems(doc, s.items!, v, `${at}/${i}`)) : [];
    case 'object':
    case undefined: {
      if (!s.properties) return s.type === 'object' && (typeof value !== 'object' || Array.isArray(value)) ? [`${at}: expected an object`] : [];
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
      const obj = value as Record<string, unknown>;
      const out = (s.required ?? []).filter((k) => !(k in obj)).map((k) => `${at}/${k}: required but missing`);
      for (const [k, v] of Object.entries(s.properties)) if (k in obj && obj[k] !== undefined) out.push(...shapeProblems(doc, v, obj[k], `${at}/${k}`));
      return out;
    }
    default:
      return [];
  }
}
