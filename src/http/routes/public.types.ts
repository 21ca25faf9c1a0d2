import { z } from 'zod';
import { ROLES } from '../../policies/roles';

export const ZDemoAccounts = z.object({
  password: z.string(),
  note: z.string(),
  accounts: z.array(
    z.object({
      username: z.string(),
      role: z.enum(ROLES),
      roleLabel: z.string(),
      displayName: z.string(),
      regionCode: z.string().nullable(),
      note: z.string(),
    }),
  ),
});
