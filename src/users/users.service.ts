import { isEmailAddress } from '../core/email';
import argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { isUniqueViolation } from '../core/dbErrors';
import { randomToken, sha256Hex } from '../auth/tokens';
import { recordAudit, type Caller } from '../audit/audit';
import type { TeamsService } from '../teams/teams.service';
import { assertValidName } from '../teams/username';
import { User } from './user.entity';
import { Session, type SessionMethod } from './session.entity';

const MIN_PASSWORD_LENGTH = 10;

export interface SessionGrant {
  user: User;
  token: string;
  session: Session;
}

/** Sign-up, password login and sessions. Session tokens are random; only their SHA-256 is stored. */
export class UsersService {
  // Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly db: DataSource,
    private readonly teams: TeamsService,
    private readonly options: { sessionTtlHours: number; argon2MemoryKiB: number },
  ) {
    this.dummyHash = argon2.hash('orgraph-dummy-password', this.hashOptions());
  }

  async signUp(caller: Caller, input: { email: string; name: string; password: string }): Promise<SessionGrant> {
    const email = normalizeEmail(input.email, ['input', 'email']);
    const name = assertValidName(input.name, ['input', 'name']);
    if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > 200) {
      throw new UserInputFailure('WEAK_PASSWORD', `Passwords must be ${MIN_PASSWORD_LENGTH}–200 characters.`, ['input', 'password']);
    }
    const passwordHash = await argon2.hash(input.password, this.hashOptions());
    try {
      return await this.db.transaction(async (tx) => {
        const users = tx.getRepository(User);
        if (await users.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()) {
          throw emailTaken();
        }
        const user = await users.save(users.create({ email, name, passwordHash }));
        await this.teams.createPersonalTeam(tx, user);
        await recordAudit(tx, { ...caller, actor: { kind: 'USER', userId: user.id, sessionId: '', method: 'PASSWORD', ssoOrganizationId: null } }, {
          organizationId: null,
          action: 'user.signup',
          targetType: 'User',
          targetId: user.id,
        });
        return this.createSession(tx, user, 'PASSWORD', null);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /** Wrong email and wrong password give the same answer in the same time. */
  async login(input: { email: string; password: string }): Promise<SessionGrant> {
    const email = input.email.trim().toLowerCase();
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email })
      .getOne();
    const hash = user?.passwordHash ?? (await this.dummyHash);
    const valid = await argon2.verify(hash, input.password).catch(() => false);
    if (!user || !user.passwordHash || !valid) {
      throw new UserInputFailure('INVALID_CREDENTIALS', 'The email or password is incorrect.', ['input']);
    }
    return this.db.transaction((tx) => this.createSession(tx, user, 'PASSWORD', null));
  }

  async createSession(tx: EntityManager, user: User, method: SessionMethod, ssoOrganizationId: string | null): Promise<SessionGrant> {
    const token = randomToken('ogs_');
    const expiresAt = new Date(Date.now() + this.options.sessionTtlHours * 3600_000);
    const sessions = tx.getRepository(Session);
    const session = await sessions.save(
      sessions.create({ userId: user.id, tokenHash: sha256Hex(token), method, ssoOrganizationId, expiresAt, revokedAt: null }),
    );
    delete (user as Partial<User>).passwordHash;
    return { user, token, session };
  }

  /** Revokes one session (logout). Returns false when it was already revoked or expired. */
  async revokeSession(sessionId: string): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId],
    );
    return (result[1] as number) > 0;
  }

  private hashOptions() {
    return { type: argon2.argon2id as 2, memoryCost: this.options.argon2MemoryKiB, timeCost: 2, parallelism: 1 };
  }
}

function normalizeEmail(email: string, field: string[]): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > 254 || !isEmailAddress(normalized)) {
    throw new UserInputFailure('INVALID', 'Must be a valid email address.', field);
  }
  return normalized;
}

function emailTaken(): UserInputFailure {
  return new UserInputFailure('TAKEN', 'An account with this email already exists.', ['input', 'email']);
}
