import express from 'express';
import { adminKeyRoute, QueryParams, type RestDeps } from '../app/rest';

/**
 * `GET /v1/organization/teams` of the REST contract (docs/rest-contract.md, docs/rest.md): every team of
 * the key's organization, the root team included (`is_org_root: true`), archived ones only with
 * `include_archived=true`.
 */
export function createTeamsRouter(deps: RestDeps): express.Router {
  const router = express.Router();
  router.get(
    '/v1/organization/teams',
    adminKeyRoute(deps, async (req, res, actor) => {
      const includeArchived = new QueryParams(req, ['include_archived']).boolean('include_archived') ?? false;
      const { teams } = await deps.services.teams.organizationTeams(actor.organizationId, { includeArchived });
      res.json({
        teams: teams.map((team) => ({
          username: team.username,
          name: team.name,
          is_org_root: team.kind === 'ROOT',
          created_at: team.createdAt.toISOString(),
        })),
      });
    }),
  );
  return router;
}
