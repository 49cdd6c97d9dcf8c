import { UserInputFailure, type UserErrorShape } from './errors';

/**
 * Runs a mutation body and shapes its payload: business-rule failures (UserInputFailure) become `userErrors`,
 * everything else (authorization, unexpected faults) stays a GraphQL error.
 */
export async function mutationPayload<P extends { userErrors: UserErrorShape[] }>(
  body: () => Promise<Omit<P, 'userErrors'>>,
): Promise<P> {
  try {
    const result = await body();
    return { ...result, userErrors: [] } as unknown as P;
  } catch (error) {
    if (error instanceof UserInputFailure) return { userErrors: [error.toUserError()] } as unknown as P;
    throw error;
  }
}
