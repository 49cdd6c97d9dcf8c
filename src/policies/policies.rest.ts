import express from 'express';
import { stringify } from 'csv-stringify/sync';
import { adminKeyRoute, QueryParams, validationError, type RestDeps } from '../app/rest';
import type { Loaders } from '../app/scope';
import { SURFACES } from './resolution';

/** Columns of the model-access export (Orgraph's choice; documented in docs/rest.md). */
export const MODEL_ACCESS_COLUMNS = ['team_username', 'endpoint_id', 'surface', 'access', 'level', 'rule_pattern', 'reason_code', 'reason'] as const;

/**
 * `GET /v1/account/model-access-controls` of the REST contract: the resolved model-access decision of every
 * (team, catalog endpoint, surface) of the key's organization as CSV, `ALLOWED` or `BLOCKED`, with the provenance
 * GraphQL gives (deciding level, rule, reason). `team_username` narrows the teams (1–50; unknown names are a
 * validation_error); without it every non-archived team, root team included.
 */
export function createPoliciesRouter(deps: RestDeps, loadersFor: () => Loaders): express.Router {
  const router = express.Router();
  router.get(
    '/v1/account/model-access-controls',
    adminKeyRoute(deps, async (req, res, actor) => {
      const usernames = new QueryParams(req, ['team_username']).list('team_username', 50);
      const { teams, unknown } = await deps.services.teams.organizationTeams(actor.organizationId, { usernames });
      if (unknown.length) throw validationError(`\`team_username\`: not a team of this organization: ${unknown.join(', ')}.`);
      const loaders = loadersFor();
      // All teams at once, so the policy loaders batch them (a constant number of statements, not one per team).
      const decided = await Promise.all(
        teams.flatMap((team) => SURFACES.map(async (surface) => ({ team, surface, entries: await deps.services.policies.modelAccess(loaders, team, surface) }))),
      );
      const rows = decided.flatMap(({ team, surface, entries }) =>
        entries.map((entry) => ({
          team_username: team.username,
          endpoint_id: entry.endpoint.endpointId,
          surface: surface.toLowerCase(),
          access: entry.decision.decision,
          level: entry.decision.level,
          rule_pattern: entry.decision.rule?.pattern ?? '',
          reason_code: entry.decision.reasonCode,
          reason: entry.decision.reason,
        })),
      );
      res.type('text/csv').setHeader('content-disposition', 'attachment; filename="model-access-controls.csv"');
      res.send(stringify(rows, { header: true, columns: [...MODEL_ACCESS_COLUMNS] }));
    }),
  );
  return router;
}
