import { z } from 'zod';
import { REGION_KINDS } from '../../domain/records';

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  kind: z.enum(REGION_KINDS),
});
