// The name each sibi connection gives PostgreSQL (application_name, seen in pg_stat_activity):
// `sibi:<command>:<pid>[.<n>]@<host>`, so an operator (and `sibi restore`) can tell which sibi
// processes are connected, and each pool of one process has a name of its own.
import { hostname } from 'node:os';

/** The prefix every sibi connection's application_name starts with. */
export const SESSION_PREFIX = 'sibi:';

let pools = 0;

/** PostgreSQL keeps 63 bytes of application_name and shows other characters than printable ASCII as '?'. */
const printable = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');

/** A new name for the next pool this process opens. */
export function nextSessionName(argv: readonly string[] = process.argv): string {
  pools++;
  const command = argv[2] && !argv[2].startsWith('-') ? argv[2] : 'node';
  const name = `${SESSION_PREFIX}${command}:${process.pid}${pools > 1 ? `.${pools}` : ''}@${hostname()}`;
  return printable(name).slice(0, 63);
}
