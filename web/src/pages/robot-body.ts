// What the robot dialog sends (PUT /api/reminder-webhooks/:region): the answers show the URL masked
// and never the secret, so an empty field on an existing robot means "keep it", not "clear it".
import type { Robot, RobotBody } from '../api/types';

export const ROBOT_KINDS = ['wecom', 'dingtalk'] as const;

export interface DialogValues {
  region: string;
  kind: (typeof ROBOT_KINDS)[number];
  url?: string;
  secret?: string;
  clearSecret?: boolean;
  enabled: boolean;
}

/** The body of a save; null when a new robot has no URL (the form asks for one). */
export function robotBody(values: DialogValues, robot: Robot | null): RobotBody | null {
  const url = values.url?.trim() ?? '';
  if (!url && !robot) return null;
  const body: RobotBody = { kind: values.kind, enabled: values.enabled };
  if (url) body.url = url;
  const secret = values.secret?.trim() ?? '';
  if (values.clearSecret) body.secret = null;
  else if (secret) body.secret = secret;
  return body;
}
