// The analyses of an evaluation, run in the worker pool (worker-pool.ts) so they never hold the
// event loop: the requests that answer in place (routes/evaluations.ts) and the jobs (routes/jobs*.ts)
// both call these. The data is read here, on the main thread (database work is I/O); the re-rankings
// run in a thread. The CLI keeps the in-process forms (analyse-evaluation.ts, published-evaluations.ts).
import type { Database } from '../../db/client';
import type { StoredEvaluation } from '../../db/evaluations';
import type { AuditResult } from '../../domain/evaluation/audit';
import type { EvaluationInput } from '../../domain/evaluation/engine';
import type { Scheme } from '../../domain/evaluation/scheme-schema';
import { DEFAULT_SEED, type SensitivityResult } from '../../domain/evaluation/sensitivity';
import type { EvaluationResult } from '../../domain/evaluation/types';
import type { WhatItTakesResult } from '../../domain/evaluation/what-it-takes';
import { type SensitivityRequest, varyWith } from '../analyse-evaluation';
import type { EvaluationAudit } from '../audit-evaluation';
import { UsageError } from '../errors';
import { type EvaluateRequest, runEvaluation } from '../evaluate-period';
import { storedInput } from '../published-evaluations';
import { runInWorker } from './worker-pool';

/** Where an analysis tells its progress, and what stops it. */
export interface Progress {
  signal?: AbortSignal;
  /** fraction 0–1, and the phase in Chinese */
  report?: (fraction: number, phase: string) => void;
}

const READING = '读取数据';
/** The share of a job's progress bar given to reading the data before the computation. */
const READ_SHARE = 0.05;

function computing(progress: Progress) {
  progress.report?.(READ_SHARE, '计算中');
  return {
    signal: progress.signal,
    onProgress: (done: number, total: number) =>
      progress.report?.(
        READ_SHARE + ((1 - READ_SHARE) * done) / total,
        `计算中：已完成 ${done}/${total} 次重新排名`,
      ),
  };
}

function sensitivityOf(input: EvaluationInput, opts: SensitivityRequest, progress: Progress) {
  const options = {
    replications: opts.replications ?? 1000,
    seed: opts.seed ?? DEFAULT_SEED,
    vary: varyWith(opts),
  };
  return runInWorker<SensitivityResult>({ kind: 'sensitivity', input, options }, computing(progress));
}

function whatItTakesOf(input: EvaluationInput, unit: string, progress: Progress) {
  return runInWorker<WhatItTakesResult>({ kind: 'what-it-takes', input, unit }, computing(progress));
}

function auditOf(scheme: Scheme, result: EvaluationResult, progress: Progress) {
  return runInWorker<AuditResult>({ kind: 'audit', scheme, result }, computing(progress));
}

async function draftInput(database: Database, request: EvaluateRequest, progress: Progress) {
  progress.report?.(0, READING);
  const run = await runEvaluation(database, request);
  return { run, input: { scheme: run.snapshot.scheme, ...run.snapshot.input } as EvaluationInput };
}

export async function draftSensitivity(
  database: Database,
  request: EvaluateRequest,
  opts: SensitivityRequest,
  progress: Progress = {},
): Promise<SensitivityResult> {
  const { input } = await draftInput(database, request, progress);
  return sensitivityOf(input, opts, progress);
}

export async function draftWhatItTakes(
  database: Database,
  request: EvaluateRequest,
  unit: string,
  progress: Progress = {},
): Promise<WhatItTakesResult> {
  const { run, input } = await draftInput(database, request, progress);
  if (!input.units.some((u) => u.code === unit)) {
    throw new UsageError(`${unit} 不是 ${run.parent.name} 的考评单位`);
  }
  return whatItTakesOf(input, unit, progress);
}

export async function draftAudit(
  database: Database,
  request: EvaluateRequest,
  progress: Progress = {},
): Promise<EvaluationAudit> {
  const { run } = await draftInput(database, request, progress);
  const audit = await auditOf(run.snapshot.scheme, run.result, progress);
  return { ...audit, period: run.period.id, parent: { code: run.parent.code, name: run.parent.name } };
}

export function storedSensitivity(
  stored: StoredEvaluation,
  opts: SensitivityRequest,
  progress: Progress = {},
): Promise<SensitivityResult> {
  return sensitivityOf(storedInput(stored), opts, progress);
}

export function storedWhatItTakes(
  stored: StoredEvaluation,
  unit: string,
  progress: Progress = {},
): Promise<WhatItTakesResult> {
  const input = storedInput(stored);
  if (!input.units.some((u) => u.code === unit)) throw new UsageError(`${unit} 不是该考评结果中的单位`);
  return whatItTakesOf(input, unit, progress);
}

export async function storedAudit(
  stored: StoredEvaluation,
  progress: Progress = {},
): Promise<EvaluationAudit> {
  const audit = await auditOf(stored.scheme as Scheme, stored.result as EvaluationResult, progress);
  return { ...audit, period: stored.period, parent: { code: stored.parentCode } };
}
