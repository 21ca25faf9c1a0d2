import { z } from 'zod';
import { BULLETIN_FORMATS } from '../../io/bulletin/render';
import { BUILTIN_SCHEMES } from '../../schemes/builtin';
import { ZRegionCode } from '../schema/common';

export const ZBulletinQuery = z
  .object({
    period: z.string().regex(/^\d{4}(-\d{1,2}|[Qq][1-4])?$/),
    scheme: z.enum(BUILTIN_SCHEMES).default('sibisikan-2020'),
    /** A unit's own summary (e.g. 410300); absent gives the province's 通报. */
    region: ZRegionCode.optional(),
    /** xlsx: the spreadsheet 附件 with every red and yellow project (the province's, or the region's own). */
    format: z.enum([...BULLETIN_FORMATS, 'xlsx']).default('docx'),
    /** html only: show in the browser instead of downloading. */
    inline: z.enum(['true', 'false']).optional(),
  })
  .strict();
