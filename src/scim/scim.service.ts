import type { DataSource } from 'typeorm';
import type { ApiKeyAuthenticator } from '../apiKeys/apiKeyAuthenticator';
import type { TeamsService } from '../teams/teams.service';
import { ScimTokensService } from './scimTokens.service';
import { ScimUsersService } from './scimUsers.service';
import { ScimGroupsService } from './scimGroups.service';
import { ScimMappingsService } from './scimMappings.service';

/** The SCIM module's services, as the composition root wires them. */
export function createScimServices(db: DataSource, teams: TeamsService, apiKeyAuthenticator: ApiKeyAuthenticator) {
  return {
    tokens: new ScimTokensService(db),
    users: new ScimUsersService(db, teams, apiKeyAuthenticator),
    groups: new ScimGroupsService(db),
    mappings: new ScimMappingsService(db, teams),
  };
}

export type ScimServices = ReturnType<typeof createScimServices>;
