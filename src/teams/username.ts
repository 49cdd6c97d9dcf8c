import { UserInputFailure } from '../core/errors';

/**
 * Team usernames (and organization slugs, which name the root team) follow one rule, stated in the schema:
 * 3–39 characters, lowercase letters, digits and single hyphens, starting with a letter, not ending with a hyphen.
 */
export const USERNAME_RULE =
  '3–39 characters of lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen';
const USERNAME_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,38}$/;

export function usernameProblem(username: string): string | null {
  return USERNAME_PATTERN.test(username) ? null : `Must be ${USERNAME_RULE}.`;
}

export function assertValidUsername(username: string, field: string[]): void {
  const problem = usernameProblem(username);
  if (problem) throw new UserInputFailure('INVALID', problem, field);
}

/** Turns free text (an email local part, a name) into a candidate username. */
export function usernameFrom(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return slug.length >= 3 ? slug : `user-${slug}`.replace(/-+$/, '').padEnd(3, '0');
}

export function assertValidName(name: string, field: string[]): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) {
    throw new UserInputFailure('INVALID', 'Must be 1–100 characters.', field);
  }
  return trimmed;
}
