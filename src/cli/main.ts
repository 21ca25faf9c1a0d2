// The `sibi` command (bin/sibi.mjs runs the bundle of this file): the program of program.ts on the
// process's arguments.
import { runSibi } from './program';

await runSibi(process.argv.slice(2));
