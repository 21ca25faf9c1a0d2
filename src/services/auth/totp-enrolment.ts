// Second-factor enrolment: the secret is shown once (as an otpauth:// URI) and takes effect only
// after the user proves it with a valid code.
import { writeAudit } from '../../db/audit';
import { findUserById, recordLoginState, updateUser } from '../../db/auth/users';
import type { Database } from '../../db/client';
import type { AuditContext } from '../context';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors';
import { countedCheck } from './attempts';
import { verifyPassword } from './password-hash';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';

export async function startTotpEnrolment(
  database: Database,
  ctx: AuditContext,
  userId: number,
  password: string,
): Promise<{ secret: string; uri: string }> {
  const { db } = database;
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError('账户不存在');
  if (user.totpEnabled) throw new ConflictError('动态验证码已启用；如需更换，请安全管理员重置');
  const audit = {
    actor: user.username,
    ip: ctx.ip,
    action: 'auth.totp.enrol',
    targetType: 'user',
    targetId: user.username,
  };
  await countedCheck(
    database,
    ctx,
    user,
    audit,
    { reason: 'bad_password', error: () => new RuleViolationError('密码不正确', ['密码不正确']) },
    () => verifyPassword(password, user.passwordHash),
  );
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { totpSecret: secret, totpEnabled: false, totpLastStep: null });
    await writeAudit(tx, { ...audit, outcome: 'ok' });
  });
  return { secret, uri: otpauthUri(secret, user.username) };
}

export async function confirmTotpEnrolment(
  database: Database,
  ctx: AuditContext,
  userId: number,
  code: string,
): Promise<void> {
  const { db } = database;
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError('账户不存在');
  if (user.totpEnabled) throw new ConflictError('动态验证码已启用');
  if (!user.totpSecret) throw new ConflictError('请先开始绑定动态验证码');
  const audit = {
    actor: user.username,
    ip: ctx.ip,
    action: 'auth.totp.verify',
    targetType: 'user',
    targetId: user.username,
  };
  const secret = user.totpSecret;
  let step: number | null = null;
  await countedCheck(
    database,
    ctx,
    user,
    audit,
    { reason: 'bad_code', error: () => new RuleViolationError('动态验证码不正确', ['动态验证码不正确']) },
    () => {
      step = matchTotp(secret, code, ctx.now);
      return step !== null;
    },
  );
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { totpEnabled: true });
    await recordLoginState(tx, user.id, { totpLastStep: step! });
    await writeAudit(tx, { ...audit, outcome: 'ok' });
  });
}
