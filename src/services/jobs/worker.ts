// The job worker (a thread of the pool in worker-pool.ts): the CPU-heavy analyses, run off the
// server's event loop. It imports the domain only (pure functions, no database), takes its inputs by
// structured clone and tells its progress through the MessagePort it is handed. Bundled by
// scripts/build-server.mjs as dist/cli/<build>/job-worker.js; from the sources it is loaded through
// worker-tsx.mjs.
import type { MessagePort } from 'node:worker_threads';
import type { EvaluationInput } from '../../domain/evaluation/engine';
import { auditUnderScheme } from '../../domain/evaluation/scheme-audit';
import type { Scheme } from '../../domain/evaluation/scheme-schema';
import { runSensitivity, type SensitivityOptions } from '../../domain/evaluation/sensitivity';
import type { EvaluationResult } from '../../domain/evaluation/types';
import { whatItTakes } from '../../domain/evaluation/what-it-takes';

export type WorkerTask =
  | { kind: 'sensitivity'; input: EvaluationInput; options: Omit<SensitivityOptions, 'onProgress'> }
  | { kind: 'what-it-takes'; input: EvaluationInput; unit: string }
  | { kind: 'audit'; scheme: Scheme; result: EvaluationResult };

/** What the worker posts on its port while it works. */
export interface WorkerProgress {
  done: number;
  total: number;
}

export function runTask(task: WorkerTask, report: (progress: WorkerProgress) => void): unknown {
  switch (task.kind) {
    case 'sensitivity':
      return runSensitivity(task.input, {
        ...task.options,
        onProgress: (done, total) => report({ done, total }),
      });
    case 'what-it-takes':
      return whatItTakes(task.input, task.unit);
    case 'audit':
      return auditUnderScheme(task.scheme, task.result);
  }
}

export default function work({ task, port }: { task: WorkerTask; port: MessagePort }): unknown {
  try {
    return runTask(task, (progress) => port.postMessage(progress));
  } finally {
    port.close();
  }
}
