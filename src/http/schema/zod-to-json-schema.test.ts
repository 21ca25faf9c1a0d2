import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodToJsonSchema } from './zod-to-json-schema';

describe('zodToJsonSchema', () => {
  it('converts the object, string, number and array checks the routes use', () => {
    const schema = z
      .object({
        code: z.string().regex(/^\d{6}$/),
        name: z.string().min(1).max(200).describe('名称'),
        page: z.coerce.number().int().min(1).default(1),
        tags: z
          .array(z.enum(['a', 'b']))
          .max(3)
          .optional(),
        note: z.string().nullable(),
        kind: z.literal('x'),
      })
      .strict();
    expect(zodToJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        code: { type: 'string', pattern: '^\\d{6}$' },
        name: { type: 'string', minLength: 1, maxLength: 200, description: '名称' },
        page: { type: 'integer', minimum: 1, default: 1 },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, maxItems: 3 },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        kind: { const: 'x', type: 'string' },
      },
      required: ['code', 'name', 'note', 'kind'],
      additionalProperties: false,
    });
  });

  it('describes transformed and unioned values by their input', () => {
    const money = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform((v) => BigInt(v));
    expect(zodToJsonSchema(money)).toEqual({
      anyOf: [{ type: 'string', pattern: '^\\d+$' }, { type: 'integer' }],
    });
    expect(zodToJsonSchema(z.record(z.boolean()))).toEqual({
      type: 'object',
      additionalProperties: { type: 'boolean' },
    });
  });

  it('refuses a type it does not know instead of documenting it wrongly', () => {
    expect(() => zodToJsonSchema(z.date())).toThrow('ZodDate is not supported');
  });
});
