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
import { markMailboxProven } from './mailboxProof';
import { Session, type SessionMethod } from './session.entity';
import { PublicUrl } from '../core/publicUrl';
import { mayEmailAccountAddress, queueEmail } from '../email/outbox';
import { signUpConfirmationEmail, signUpExistingEmail } from '../email/templates';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
const PASSWORD_RESET_TTL_MS = 3600_000;
const SIGN_UP_CONFIRMATION_TTL_MS = 24 * 3600_000;

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
    private readonly links: PublicUrl = new PublicUrl(undefined),
  ) {
    this.dummyHash = argon2.hash('orgraph-dummy-password', this.hashOptions());
  }

  /**
   * Immediate sign-up (SIGN_UP_CONFIRMATION off, and the demo seed): creates the account and signs in. It answers
   * TAKEN for an address that has an account, which is why production confirms by email instead (`requestSignUp`).
   */
  async signUp(caller: Caller, input: { email: string; name: string; password: string }): Promise<SessionGrant> {
    const { email, name } = validSignUp(input);
    const passwordHash = await this.hashPassword(input.password);
    try {
      return await this.db.transaction(async (tx) => {
        if (await emailHasAccount(tx, email)) throw emailTaken();
        return this.createAccount(tx, caller, { email, name, passwordHash });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /**
   * Sign-up that answers the same whether or not the address has an account: the account exists only once the
   * emailed link is confirmed (`confirmSignUp`); an address that already has an account gets an email saying so,
   * with a password reset link, instead. Both paths hash the password, so they also take the same time.
   */
  async requestSignUp(caller: Caller, input: { email: string; name: string; password: string }): Promise<void> {
    const { email, name } = validSignUp(input);
    const passwordHash = await this.hashPassword(input.password);
    await this.db.transaction(async (tx) => {
      if (!(await mayEmailAccountAddress(tx, email))) return;
      const [existing] = await tx.query<Array<{ id: string } | undefined>>(`SELECT id FROM users WHERE lower(email) = $1`, [email]);
      if (existing) {
        const reset = await this.issuePasswordReset(tx, existing.id);
        await queueEmail(tx, { ...signUpExistingEmail({ resetLink: this.links.link('/password-reset', { token: reset.token }) }), recipient: email });
        await recordAudit(tx, caller, { organizationId: null, action: 'user.signup_existing', targetType: 'User', targetId: existing.id });
        return;
      }
      const token = randomToken('ogc_');
      const expiresAt = new Date(Date.now() + SIGN_UP_CONFIRMATION_TTL_MS);
      await tx.query(`INSERT INTO pending_sign_ups (email, name, password_hash, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
        email,
        name,
        passwordHash,
        sha256Hex(token),
        expiresAt,
      ]);
      await queueEmail(tx, { ...signUpConfirmationEmail({ link: this.links.link('/sign-up/confirm', { token }), expiresAt }), recipient: email });
    });
  }

  /**
   * An account for an invited address, created from the invite link (which proves the mailbox, like a sign-up
   * confirmation). An address that already has an account is told to sign in: the link's holder owns the address.
   */
  async signUpFromInvite(caller: Caller, input: { email: string; name: string; password: string }): Promise<SessionGrant> {
    const name = assertValidName(input.name, ['input', 'newAccount', 'name']);
    assertPasswordStrength(input.password, ['input', 'newAccount', 'password']);
    const email = input.email.trim().toLowerCase();
    const passwordHash = await this.hashPassword(input.password);
    const exists = () => new UserInputFailure('ACCOUNT_EXISTS', 'This address already has an account: sign in with it, then accept the invite.', ['input', 'newAccount']);
    try {
      return await this.db.transaction(async (tx) => {
        if (await emailHasAccount(tx, email)) throw exists();
        return this.createAccount(tx, caller, { email, name, passwordHash }, true);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw exists();
      throw error;
    }
  }

  /** The emailed sign-up link: creates the account (once) and signs in. */
  async confirmSignUp(caller: Caller, token: string): Promise<SessionGrant> {
    const invalid = () => new UserInputFailure('INVALID_TOKEN', 'This confirmation link is not valid or has expired; sign up again.', ['input', 'token']);
    try {
      return await this.db.transaction(async (tx) => {
        const [pending] = await tx.query<Array<{ id: string; email: string; name: string; password_hash: string } | undefined>>(
          `SELECT id, email, name, password_hash FROM pending_sign_ups
            WHERE token_hash = $1 AND confirmed_at IS NULL AND expires_at > now() FOR UPDATE`,
          [sha256Hex(token)],
        );
        if (!pending) throw invalid();
        await tx.query(`UPDATE pending_sign_ups SET confirmed_at = now() WHERE id = $1`, [pending.id]);
        // Confirming proves the mailbox, so saying the address has an account (made meanwhile) reveals nothing new.
        if (await emailHasAccount(tx, pending.email)) throw emailTaken();
        return this.createAccount(tx, caller, { email: pending.email, name: pending.name, passwordHash: pending.password_hash }, true);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /** `mailboxProven`: the account comes from an emailed link (confirmation or invite), see mailboxProof.ts. */
  private async createAccount(tx: EntityManager, caller: Caller, account: { email: string; name: string; passwordHash: string }, mailboxProven = false): Promise<SessionGrant> {
    const users = tx.getRepository(User);
    const user = await users.save(users.create(account));
    if (mailboxProven) await markMailboxProven(tx, user.id);
    await this.teams.createPersonalTeam(tx, user);
    await recordAudit(tx, { ...caller, actor: { kind: 'USER', userId: user.id, sessionId: '', method: 'PASSWORD', ssoOrganizationId: null } }, {
      organizationId: null,
      action: 'user.signup',
      targetType: 'User',
      targetId: user.id,
    });
    return this.createSession(tx, user, 'PASSWORD', null);
  }

  /** A single-use reset token for this user (earlier unused ones stop working). */
  async issuePasswordReset(tx: EntityManager, userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomToken('ogr_');
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
    await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await tx.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [userId, sha256Hex(token), expiresAt]);
    return { token, expiresAt };
  }

  async hashPassword(password: string): Promise<string> {
    return argon2.hash(password, this.hashOptions());
  }

  /** Verifies against a dummy hash when there is none, so a missing account costs as long as a wrong password. */
  async verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
    const valid = await argon2.verify(hash ?? (await this.dummyHash), password).catch(() => false);
    return Boolean(hash) && valid;
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
    if (!user?.passwordHash || !valid) {
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
    const result = await this.db.query<[unknown[], number]>(
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId],
    );
    return result[1] > 0;
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

/** Checks that do not depend on whether the address has an account (they may answer before anything is looked up). */
function validSignUp(input: { email: string; name: string; password: string }): { email: string; name: string } {
  const email = normalizeEmail(input.email, ['input', 'email']);
  const name = assertValidName(input.name, ['input', 'name']);
  assertPasswordStrength(input.password, ['input', 'password']);
  return { email, name };
}

export function assertPasswordStrength(password: string, field: string[]): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new UserInputFailure('WEAK_PASSWORD', `Passwords must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters.`, field);
  }
}

async function emailHasAccount(tx: EntityManager, email: string): Promise<boolean> {
  return (await tx.query<unknown[]>(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [email])).length > 0;
}

function emailTaken(): UserInputFailure {
  return new UserInputFailure('TAKEN', 'An account with this email already exists.', ['input', 'email']);
}
