// One route factory for the four ledgers (deals, reserve, approvals, issues): list, create, get,
// update, delete, and the list's Excel export, each validate → authorize → one service call → present. What differs between
// ledgers is data, in their definitions (deals.ts, reserve.ts, approvals.ts, issues.ts): path,
// schemas, the policy capabilities, the service (src/services/records/ledger-service.ts; it holds
// the audit names) and the presenter.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { TableLang, TableSpec } from '../../domain/tables/columns';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole } from '../../policies/authorize';
import type { Action, ActionTargets } from '../../policies/rules';
import type { LedgerService } from '../../services/records/ledger-service';
import { loadAuthorized, regionSubtree } from '../guard';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import { ZIdParams, ZOk, ZVersionQuery } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { exportSummary, sendTableExport, zExportQuery } from '../table-export';

/** The query every ledger list takes besides its own filters. */
interface ListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  region?: string;
}

/** The capabilities of the ledgers with their own region (deals, reserve). */
export const REGION_LEDGER = { read: 'ledger.read', write: 'ledger.write' } as const;
/** The capabilities of the ledgers scoped through a project (approvals, issues). */
export const PROJECT_LEDGER = { read: 'projectLedger.read', write: 'projectLedger.write' } as const;

type ListFilters<Query extends QuerySchema> = Omit<z.output<Query>, 'page' | 'pageSize' | 'sort'>;
/** The export's query: the list's less the paging, and the headers' language. */
type ExportQuery<Query extends QuerySchema> = ListFilters<Query> & { sort?: string; lang: TableLang };

type QuerySchema = z.ZodType<ListQuery, z.ZodTypeDef, unknown>;
type PatchSchema = z.ZodType<{ version: number }, z.ZodTypeDef, unknown>;

export interface LedgerDefinition<
  Row,
  Read extends Action,
  Write extends Action,
  Filter,
  Query extends QuerySchema,
  Create extends z.ZodTypeAny,
  Patch extends PatchSchema,
> {
  /** The collection's path, e.g. `/api/deals`; a record is `<path>/:id`. */
  path: string;
  /** The OpenAPI tag. */
  tag: string;
  /** What one record is called in the summaries (`新建<noun>`, `<noun>详情`…). */
  noun: string;
  capabilities: { read: Read; write: Write };
  schemas: { query: Query; list: z.ZodTypeAny; item: z.ZodTypeAny; create: Create; patch: Patch };
  /** The list query's own filters (less page, sort and region) as the service's filter. */
  filter(query: Omit<z.output<Query>, keyof ListQuery>): Omit<Filter, 'visibility' | 'regionCodes'>;
  service: LedgerService<Row, ActionTargets[Read] & ActionTargets[Write], Filter, z.output<Create>>;
  present(actor: Actor, row: Row, target: ActionTargets[Read] & ActionTargets[Write]): unknown;
  /** The list's columns on screen and in its Excel export (`<path>/export`). */
  table: TableSpec<Record<string, unknown>>;
}

export function ledgerRoutes<
  Row,
  Read extends Action,
  Write extends Action,
  Filter,
  Query extends QuerySchema,
  Create extends z.ZodTypeAny,
  Patch extends PatchSchema,
>(definition: LedgerDefinition<Row, Read, Write, Filter, Query, Create, Patch>) {
  const { path, noun, capabilities, schemas, service, present } = definition;
  const { read, write } = capabilities;
  const tags = [definition.tag];

  return function registerLedgerRoutes(root: FastifyInstance, deps: AppDeps): void {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const { database } = deps;
    const load = (id: number) => service.load(database, id);
    const exportQuery = zExportQuery(schemas.query as unknown as z.AnyZodObject);

    /** A page of the records the actor may see, presented as the list answers them. */
    async function readPresented(
      actor: Actor,
      { region, ...rest }: ListFilters<Query>,
      request: { page: number; pageSize: number; sort?: string },
    ) {
      authorizeRole(actor, read);
      const regionCodes = await regionSubtree(deps, actor, region);
      const result = await service.list(
        database,
        actor,
        { ...definition.filter(rest as Omit<z.output<Query>, keyof ListQuery>), regionCodes },
        request,
      );
      return {
        ...result,
        items: result.items.map(({ row, target }) => present(actor, row, target) as Record<string, unknown>),
      };
    }
    /** The options of a route on one record, `<path>/:id`. */
    const onRecord = <S extends object>(summary: string, schema: S) => ({
      schema: { summary, tags, params: ZIdParams, ...schema },
    });

    app.get(
      path,
      {
        schema: {
          summary: `${noun}列表`,
          tags,
          querystring: schemas.query,
          response: { 200: schemas.list },
        },
      },
      async (request) => {
        const { page, pageSize, sort, ...filter } = request.query as z.output<Query>;
        return readPresented(actorOfRequest(request), filter, { page, pageSize, sort });
      },
    );

    app.get(
      `${path}/export`,
      { schema: { summary: exportSummary(`${noun}列表`), tags, querystring: exportQuery } },
      async (request, reply) => {
        const actor = actorOfRequest(request);
        authorizeRole(actor, read);
        const { lang, sort, ...rest } = request.query as ExportQuery<Query>;
        const filter = rest as unknown as ListFilters<Query>;
        return sendTableExport(reply, request, deps, {
          kind: definition.tag,
          spec: definition.table,
          lang,
          query: request.query as Record<string, unknown>,
          readPage: (page, pageSize) => readPresented(actor, filter, { page, pageSize, sort }),
        });
      },
    );

    app.post(
      path,
      { schema: { summary: `新建${noun}`, tags, body: schemas.create, response: { 201: schemas.item } } },
      async (request, reply) => {
        const actor = actorOfRequest(request);
        const body = request.body as z.output<Create>;
        const placement = await loadAuthorized(actor, write, () => service.place(database, body));
        const { row, target } = await service.create(database, auditContext(request, deps), placement, body);
        reply.status(201);
        return present(actor, row, target);
      },
    );

    app.get(`${path}/:id`, onRecord(`${noun}详情`, { response: { 200: schemas.item } }), async (request) => {
      const actor = actorOfRequest(request);
      const { row, target } = await loadAuthorized(actor, read, () => load(request.params.id));
      return present(actor, row, target);
    });

    app.patch(
      `${path}/:id`,
      onRecord(`修改${noun}`, { body: schemas.patch, response: { 200: schemas.item } }),
      async (request) => {
        const actor = actorOfRequest(request);
        const before = await loadAuthorized(actor, write, () => load(request.params.id));
        const { version, ...patch } = request.body as z.output<Patch>;
        const moved = service.movedTo(patch);
        if (moved !== undefined) authorize(actor, write, moved);
        const { row, target } = await service.update(
          database,
          auditContext(request, deps),
          before,
          version,
          patch,
        );
        return present(actor, row, target);
      },
    );

    app.delete(
      `${path}/:id`,
      onRecord(`删除${noun}`, { querystring: ZVersionQuery, response: { 200: ZOk } }),
      async (request) => {
        const actor = actorOfRequest(request);
        const { row } = await loadAuthorized(actor, write, () => load(request.params.id));
        await service.remove(database, auditContext(request, deps), row, request.query.version);
        return { ok: true as const };
      },
    );
  };
}
