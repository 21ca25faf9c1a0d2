// can() answers; authorize() throws. A refused record the actor cannot even read answers 404,
// so the answer never reveals that a record of another region exists.
import type { Actor } from './actor';
import { type Action, type ActionTargets, RULES, type Rule } from './rules';

/** One message for "does not exist" and "not yours": the answer must not tell them apart. */
export const NOT_FOUND_MESSAGE = '未找到';

export class NotAllowedError extends Error {
  override name = 'NotAllowedError';
  constructor(
    readonly status: 403 | 404,
    readonly action: Action,
    message = status === 404 ? NOT_FOUND_MESSAGE : '无权执行此操作',
  ) {
    super(message);
  }
}

export function can<A extends Action>(actor: Actor, action: A, target: ActionTargets[A]): boolean {
  const rule = RULES[action] as Rule<A>;
  if (!rule.roles.includes(actor.role)) return false;
  return rule.test ? rule.test(actor, target) : true;
}

/** Whether the role may ever do the action (for collection routes and menus). */
export function roleMay(actor: Actor, action: Action): boolean {
  return RULES[action].roles.includes(actor.role);
}

export function authorize<A extends Action>(actor: Actor, action: A, target: ActionTargets[A]): void {
  if (can(actor, action, target)) return;
  const rule = RULES[action] as Rule<A>;
  if (!rule.roles.includes(actor.role)) throw new NotAllowedError(403, action);
  const read = rule.read;
  if (read && can(actor, read, target as ActionTargets[typeof read])) throw new NotAllowedError(403, action);
  throw new NotAllowedError(rule.refusal ?? 404, action);
}

/** For collection routes: the role must be allowed the action at all. */
export function authorizeRole(actor: Actor, action: Action): void {
  if (!roleMay(actor, action)) throw new NotAllowedError(403, action);
}
