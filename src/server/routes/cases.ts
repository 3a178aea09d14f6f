import { z } from 'zod/v4';
import type { Backend } from '../../store/database.ts';
import { SUMMARY_COLUMNS, adSummary } from '../ads/present.ts';
import { ApiError, notFound } from '../errors.ts';
import { type AnyRoute, route } from '../registry.ts';
import { INVESTIGATE } from '../roles.ts';
import { idParam } from '../schemas.ts';

const Status = z.enum(['open', 'in_progress', 'closed']);

async function caseRow(b: Backend, id: number) {
  const c = await b.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound(`case ${id}`);
  return c;
}

async function checkAssignee(b: Backend, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  const u = await b.db
    .selectFrom('users')
    .select(['role', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!u || u.role !== 'analyst' || u.disabled === 1)
    throw new ApiError('invalid_input', 'assigneeId: not an active analyst');
}

const present = (c: Awaited<ReturnType<typeof caseRow>>) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  status: c.status,
  assigneeId: c.assignee_id,
  createdBy: c.created_by,
  createdAt: c.created_at,
  updatedAt: c.updated_at,
});

/** Cases: analysts only (outreach, admins and auditors never see case files or notes). */
export const caseRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/cases',
    tag: 'cases',
    summary: 'Cases, most recently changed first',
    access: INVESTIGATE,
    query: z.object({ status: Status.optional(), mine: z.enum(['true', 'false']).optional() }),
    async handler({ deps, query, user }) {
      let q = deps.backend.db.selectFrom('cases').selectAll();
      if (query.status) q = q.where('status', '=', query.status);
      if (query.mine === 'true')
        q = q.where((eb) => eb.or([eb('assignee_id', '=', user().id), eb('created_by', '=', user().id)]));
      const rows = await q.orderBy('updated_at', 'desc').limit(500).execute();
      return { items: rows.map(present) };
    },
  }),
  route({
    method: 'post',
    path: '/cases',
    tag: 'cases',
    summary: 'Open a case',
    access: INVESTIGATE,
    status: 201,
    body: z.object({
      title: z.string().min(1).max(300),
      description: z.string().max(10_000).optional(),
      assigneeId: z.number().int().positive().optional(),
    }),
    async handler({ deps, body, user, audit, now }) {
      await checkAssignee(deps.backend, body.assigneeId);
      const t = now().toISOString();
      const c = await deps.backend.db
        .insertInto('cases')
        .values({
          title: body.title,
          description: body.description ?? null,
          status: 'open',
          assignee_id: body.assigneeId ?? user().id,
          created_by: user().id,
          created_at: t,
          updated_at: t,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit('case_created', 'case', c.id, { title: c.title });
      return present(c);
    },
  }),
  route({
    method: 'get',
    path: '/cases/:id',
    tag: 'cases',
    summary: 'A case with its attached ads and networks and its notes',
    access: INVESTIGATE,
    params: idParam,
    async handler({ deps, params, audit }) {
      const db = deps.backend.db;
      const c = await caseRow(deps.backend, params.id);
      const items = await db
        .selectFrom('case_items')
        .selectAll()
        .where('case_id', '=', c.id)
        .orderBy('added_at')
        .execute();
      const adIds = items.filter((i) => i.kind === 'ad').map((i) => Number(i.ref));
      const ads = adIds.length
        ? await db
            .selectFrom('ads')
            .select([...SUMMARY_COLUMNS])
            .where('ads.id', 'in', adIds)
            .execute()
        : [];
      const notes = await db
        .selectFrom('case_notes')
        .leftJoin('users', 'users.id', 'case_notes.author_id')
        .select(['case_notes.id', 'case_notes.body', 'case_notes.created_at', 'users.username'])
        .where('case_id', '=', c.id)
        .orderBy('case_notes.id')
        .execute();
      await audit('view_case', 'case', c.id);
      return {
        ...present(c),
        ads: ads.map(adSummary),
        networks: items.filter((i) => i.kind === 'network').map((i) => ({ id: i.ref, addedAt: i.added_at })),
        notes: notes.map((n) => ({ id: n.id, body: n.body, createdAt: n.created_at, author: n.username })),
      };
    },
  }),
  route({
    method: 'patch',
    path: '/cases/:id',
    tag: 'cases',
    summary: 'Change title, description, status or assignee',
    access: INVESTIGATE,
    params: idParam,
    body: z.object({
      title: z.string().min(1).max(300).optional(),
      description: z.string().max(10_000).nullable().optional(),
      status: Status.optional(),
      assigneeId: z.number().int().positive().nullable().optional(),
    }),
    async handler({ deps, params, body, audit, now }) {
      await caseRow(deps.backend, params.id);
      await checkAssignee(deps.backend, body.assigneeId);
      const set = {
        ...(body.title !== undefined && { title: body.title }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.status !== undefined && { status: body.status }),
        ...(body.assigneeId !== undefined && { assignee_id: body.assigneeId }),
        updated_at: now().toISOString(),
      };
      await deps.backend.db.updateTable('cases').set(set).where('id', '=', params.id).execute();
      await audit('case_updated', 'case', params.id, { ...body });
      return present(await caseRow(deps.backend, params.id));
    },
  }),
  route({
    method: 'post',
    path: '/cases/:id/notes',
    tag: 'cases',
    summary: 'Add a note to a case',
    access: INVESTIGATE,
    params: idParam,
    status: 201,
    body: z.object({ body: z.string().min(1).max(20_000) }),
    async handler({ deps, params, body, user, audit, now }) {
      await caseRow(deps.backend, params.id);
      const t = now().toISOString();
      const n = await deps.backend.db
        .insertInto('case_notes')
        .values({ case_id: params.id, author_id: user().id, body: body.body, created_at: t })
        .returning('id')
        .executeTakeFirstOrThrow();
      await deps.backend.db.updateTable('cases').set({ updated_at: t }).where('id', '=', params.id).execute();
      await audit('case_note_added', 'case', params.id, { note: n.id });
      return { id: n.id, createdAt: t };
    },
  }),
];
