import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request records written by the gateway. Listing is keyset-paginated newest first on (team, started_at, id), so
 * the 100th page of a team with millions of rows costs what the first does.
 */
export class RequestRecords1733100000000 implements MigrationInterface {
  name = 'RequestRecords1733100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE request_records (
        team_id uuid NOT NULL REFERENCES teams(id),
        id text NOT NULL CHECK (char_length(id) BETWEEN 1 AND 200),
        organization_id uuid REFERENCES organizations(id),
        endpoint_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')),
        http_status integer,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        queue_ms integer,
        auth_kind text NOT NULL CHECK (auth_kind IN ('API_KEY', 'LOGIN')),
        api_key_id uuid REFERENCES api_keys(id),
        key_owner_id uuid REFERENCES users(id),
        user_id uuid REFERENCES users(id),
        input jsonb,
        output jsonb,
        payload_bytes integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, id),
        CHECK ((auth_kind = 'API_KEY') = (api_key_id IS NOT NULL)),
        CHECK ((auth_kind = 'LOGIN') = (user_id IS NOT NULL))
      );
      CREATE INDEX request_records_team_time_idx ON request_records (team_id, started_at DESC, id DESC);
      -- Restricted request view lists "my requests": by login user or by key owner.
      CREATE INDEX request_records_team_user_idx ON request_records (team_id, user_id, started_at DESC, id DESC) WHERE user_id IS NOT NULL;
      CREATE INDEX request_records_team_owner_idx ON request_records (team_id, key_owner_id, started_at DESC, id DESC) WHERE key_owner_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE request_records`);
  }
}
