import { z } from 'zod';
import { ZSelf } from '../presenters/account';

export const ZLoginBody = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict();

export const ZSessionResponse = z.object({
  user: ZSelf,
  /** Send it back as the x-csrf-token header on every write. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const ZPasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();

export const ZTotpEnrolBody = z.object({ password: z.string().min(1).max(256) }).strict();
export const ZTotpEnrolResponse = z.object({
  secret: z.string(),
  /** otpauth:// URI for an authenticator app; shown once. */
  uri: z.string(),
});
export const ZTotpVerifyBody = z.object({ code: z.string().regex(/^\d{6}$/) }).strict();
