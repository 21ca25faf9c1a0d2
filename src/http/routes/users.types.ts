import { z } from 'zod';
import { ZAccount, ZRole } from '../presenters/account';
import { ZRegionCode, ZVersion, zPage, zPageQuery } from '../schema/common';
import { zExportQuery } from '../table-export';

export const ZUserQuery = zPageQuery(['username', 'displayName', 'role', 'lastLoginAt'])
  .extend({
    role: ZRole.optional(),
    region: ZRegionCode.optional(),
    disabled: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    q: z.string().max(64).optional(),
  })
  .strict();

/** GET /api/users/export: the list's filters and sort, all pages, headers in `lang`. */
export const ZUserExportQuery = zExportQuery(ZUserQuery);

const projectCodes = z.array(z.string().trim().min(1).max(64)).max(500);

export const ZUserCreate = z
  .object({
    username: z.string().trim().min(3).max(32),
    displayName: z.string().trim().min(1).max(60).optional(),
    /** A business role; admin roles are assigned by the security administrator (PUT …/role). */
    role: ZRole,
    regionCode: ZRegionCode.nullable().optional(),
    projectCodes: projectCodes.optional(),
  })
  .strict();

export const ZUserPatch = z
  .object({
    version: ZVersion,
    displayName: z.string().trim().min(1).max(60).optional(),
    regionCode: ZRegionCode.nullable().optional(),
    projectCodes: projectCodes.optional(),
  })
  .strict();

export const ZRoleChange = z
  .object({
    version: ZVersion,
    role: ZRole,
    regionCode: ZRegionCode.nullable().optional(),
    projectCodes: projectCodes.optional(),
  })
  .strict();

export const ZUserList = zPage(ZAccount);
export const ZAccountWithPassword = z.object({
  account: ZAccount,
  /** Shown once; the user must change it at first login. */
  password: z.string(),
});
export { ZAccount };
