// Background jobs as their owner sees them (issue #14 item 5): the list of one's own jobs, one job's
// state and progress, its result (streamed from the file it wrote), and cancelling it. Only the
// account that started a job sees it (policy 'job.own'): anyone else gets the same 404 as for a job
// that does not exist. The jobs are started by the routes in jobs-start.ts.
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { NotFoundError } from '../../services/errors';
import type { Job } from '../../services/jobs/job-manager';
import { attachment } from '../attachment';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZJob, ZJobList, ZJobParams } from './jobs.types';

export const jobUrl = (id: string) => `/api/jobs/${id}`;

export function presentJob(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    progress: job.progress,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: job.result
      ? {
          url: `${jobUrl(job.id)}/result`,
          fileName: job.result.fileName,
          contentType: job.result.contentType,
          bytes: job.result.bytes,
        }
      : null,
    error: job.error,
  };
}

export function jobRoutes(root: FastifyInstance, _deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];

  /** The job, if the caller started it (404 otherwise, the same as for no such job). */
  function ownJob(actor: Actor, id: string): Job {
    const job = root.jobs.get(id);
    if (!job) throw new NotFoundError('任务不存在或已过期');
    authorize(actor, 'job.own', { ownerId: job.ownerId });
    return job;
  }

  app.get(
    '/api/jobs',
    {
      schema: {
        summary: '本人的后台任务（排队、运行中与保留期内已结束的），新的在前',
        tags,
        response: { 200: ZJobList },
      },
    },
    async (request) => ({ items: root.jobs.listOf(actorOfRequest(request).id).map(presentJob) }),
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        summary: '后台任务的状态与进度（仅任务发起人）；完成后 result.url 为结果地址',
        tags,
        params: ZJobParams,
        response: { 200: ZJob },
      },
    },
    async (request) => presentJob(ownJob(actorOfRequest(request), request.params.id)),
  );

  app.get(
    '/api/jobs/:id/result',
    {
      schema: {
        summary: '后台任务的结果（JSON 或文件下载，仅任务发起人）；任务未完成时 409',
        tags,
        params: ZJobParams,
      },
    },
    async (request, reply) => {
      const job = ownJob(actorOfRequest(request), request.params.id);
      if (job.state !== 'done' || !job.result) {
        return reply.status(409).send({
          error: { code: 'job_not_done', message: '任务尚未完成，没有结果', details: { state: job.state } },
        });
      }
      const { path, contentType, fileName, bytes } = job.result;
      reply.header('content-type', contentType).header('content-length', String(bytes));
      if (!contentType.startsWith('application/json'))
        reply.header('content-disposition', attachment(fileName));
      return reply.send(createReadStream(path));
    },
  );

  app.delete(
    '/api/jobs/:id',
    {
      schema: {
        summary: '取消后台任务（排队中或运行中；已结束的任务不变），仅任务发起人',
        tags,
        params: ZJobParams,
        response: { 200: ZJob },
      },
    },
    async (request) => {
      const job = ownJob(actorOfRequest(request), request.params.id);
      root.jobs.cancel(job.id);
      return presentJob(job);
    },
  );
}
