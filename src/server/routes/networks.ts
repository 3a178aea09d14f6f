import { z } from 'zod/v4';
import { NetworkListSchema, listNetworks } from '../networks/network-list.ts';
import { networkDetail } from '../networks/network-detail.ts';
import { type AnyRoute, route } from '../registry.ts';
import { INVESTIGATE } from '../roles.ts';

/**
 * Networks. Built from `ads.cluster_id` (always there) plus, when the linking stage's tables exist,
 * `clusters` (template, movement, summary) and `links` (evidence with reasons) — see networks/*.ts.
 */
export const networkRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/networks',
    tag: 'networks',
    summary: 'Networks with size, time span, places and highest scores',
    access: INVESTIGATE,
    query: NetworkListSchema,
    async handler({ deps, query, audit }) {
      const out = await listNetworks(deps.backend, query);
      await audit('list_networks', 'networks', null, { ...query });
      return out;
    },
  }),
  route({
    method: 'get',
    path: '/networks/:id',
    tag: 'networks',
    summary: 'A network: members, identifiers, personas, movement, template, link reasons, graph data',
    access: INVESTIGATE,
    params: z.object({ id: z.string().min(1).max(100) }),
    async handler({ deps, params, audit }) {
      const out = await networkDetail(deps.backend, params.id);
      await audit('view_network', 'network', params.id);
      return out;
    },
  }),
];
