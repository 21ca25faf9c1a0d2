// The subset of zod the API schemas use, as JSON Schema for OpenAPI. Zod validates; this only
// describes, so the docs and the validation come from the same definition.
import type { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };

interface Def {
  typeName: string;
  [key: string]: unknown;
}

const defOf = (schema: z.ZodTypeAny) => schema._def as Def;

export function zodToJsonSchema(schema: z.ZodTypeAny): JsonSchema {
  const out = convert(schema);
  if (schema.description) out.description = schema.description;
  return out;
}

function convert(schema: z.ZodTypeAny): JsonSchema {
  const def = defOf(schema);
  switch (def.typeName) {
    case 'ZodString':
      return withChecks({ type: 'string' }, def.checks as Check[]);
    case 'ZodNumber':
      return withChecks({ type: 'number' }, def.checks as Check[]);
    case 'ZodBoolean':
      return { type: 'boolean' };
    case 'ZodNull':
      return { type: 'null' };
    case 'ZodAny':
    case 'ZodUnknown':
      return {};
    case 'ZodLiteral':
      return { const: def.value, type: typeof def.value };
    case 'ZodEnum':
      return { type: 'string', enum: def.values };
    case 'ZodArray': {
      const out: JsonSchema = { type: 'array', items: zodToJsonSchema(def.type as z.ZodTypeAny) };
      if (def.minLength) out.minItems = (def.minLength as { value: number }).value;
      if (def.maxLength) out.maxItems = (def.maxLength as { value: number }).value;
      return out;
    }
    case 'ZodObject':
      return objectSchema(schema as z.AnyZodObject);
    case 'ZodRecord':
      return { type: 'object', additionalProperties: zodToJsonSchema(def.valueType as z.ZodTypeAny) };
    case 'ZodUnion':
      return { anyOf: (def.options as z.ZodTypeAny[]).map(zodToJsonSchema) };
    case 'ZodOptional':
      return zodToJsonSchema(def.innerType as z.ZodTypeAny);
    case 'ZodNullable': {
      const inner = zodToJsonSchema(def.innerType as z.ZodTypeAny);
      return { anyOf: [inner, { type: 'null' }] };
    }
    case 'ZodDefault':
      return {
        ...zodToJsonSchema(def.innerType as z.ZodTypeAny),
        default: (def.defaultValue as () => unknown)(),
      };
    case 'ZodEffects':
      return zodToJsonSchema(def.schema as z.ZodTypeAny);
    case 'ZodPipeline':
      return zodToJsonSchema(def.in as z.ZodTypeAny);
    case 'ZodBranded':
    case 'ZodReadonly':
      return zodToJsonSchema((def.type ?? def.innerType) as z.ZodTypeAny);
    default:
      throw new Error(`zodToJsonSchema: ${def.typeName} is not supported; add it or use a supported type`);
  }
}

type Check = { kind: string; value?: number; regex?: RegExp; inclusive?: boolean };

function withChecks(base: JsonSchema, checks: Check[]): JsonSchema {
  const out = { ...base };
  const isString = base.type === 'string';
  for (const check of checks) {
    if (check.kind === 'int') out.type = 'integer';
    else if (check.kind === 'min')
      out[isString ? 'minLength' : check.inclusive === false ? 'exclusiveMinimum' : 'minimum'] = check.value;
    else if (check.kind === 'max')
      out[isString ? 'maxLength' : check.inclusive === false ? 'exclusiveMaximum' : 'maximum'] = check.value;
    else if (check.kind === 'length') Object.assign(out, { minLength: check.value, maxLength: check.value });
    else if (check.kind === 'regex' && check.regex) out.pattern = check.regex.source;
  }
  return out;
}

function isOptional(schema: z.ZodTypeAny): boolean {
  const name = defOf(schema).typeName;
  return name === 'ZodOptional' || name === 'ZodDefault';
}

function objectSchema(schema: z.AnyZodObject): JsonSchema {
  const shape = schema.shape as Record<string, z.ZodTypeAny>;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, value] of Object.entries(shape)) {
    properties[key] = zodToJsonSchema(value);
    if (!isOptional(value)) required.push(key);
  }
  const out: JsonSchema = { type: 'object', properties };
  if (required.length) out.required = required;
  if (defOf(schema).unknownKeys === 'strict') out.additionalProperties = false;
  return out;
}
