// The job worker from the TypeScript sources (tsx, vitest, SIBI_TSX=1): registers tsx in the worker
// thread, then loads worker.ts. The bundle loads its own job-worker.js instead (worker-pool.ts).
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');

export default worker.default;
