// Child-process helpers for CLI tests (see run-sibi.ts).
export { ROOT, sibi } from './run-sibi';
