// Zod is the one contract of the API: Fastify validates requests with the route's zod schemas,
// responses are parsed through theirs (fields not listed never leave the server), and OpenAPI
// is generated from the same schemas by zodToJsonSchema.
import type { FastifyInstance, FastifySchema, FastifyTypeProvider } from 'fastify';
import { type ZodTypeAny, z } from 'zod';
import { type JsonSchema, zodToJsonSchema } from './zod-to-json-schema';

export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends ZodTypeAny ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends ZodTypeAny ? z.input<this['schema']> : unknown;
}

const isZod = (schema: unknown): schema is ZodTypeAny => schema instanceof z.ZodType;

/** JSON that keeps bigint amounts exact, as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export function installZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    if (!isZod(schema)) throw new Error('route schemas must be zod schemas');
    return (data: unknown) => {
      const result = schema.safeParse(data);
      return result.success ? { value: result.data } : { error: result.error };
    };
  });
  app.setSerializerCompiler(({ schema }) => {
    if (!isZod(schema)) return (data: unknown) => toJson(data);
    return (data: unknown) => toJson(schema.parse(data));
  });
}

const PARTS = ['params', 'querystring', 'body', 'headers'] as const;

/** @fastify/swagger `transform`: each route's zod schemas as JSON Schema. */
export function openApiTransform({ schema, url }: { schema: FastifySchema; url: string }): {
  schema: JsonSchema;
  url: string;
} {
  if (!schema) return { schema: {}, url };
  const out: JsonSchema = { ...schema };
  for (const part of PARTS) {
    const value = (schema as Record<string, unknown>)[part];
    if (isZod(value)) out[part] = zodToJsonSchema(value);
  }
  const response = (schema as { response?: Record<string, unknown> }).response;
  if (response) {
    out.response = Object.fromEntries(
      Object.entries(response).map(([status, value]) => [
        status,
        isZod(value) ? zodToJsonSchema(value) : value,
      ]),
    );
  }
  return { schema: out, url };
}
