// Type-checked with the DOM library and no Node types: the SDK's declarations must not need @types/node.
import { createClient, OrgraphError, type Team } from '@orgraph/sdk';

export async function teamNames(url: string, token: string, organizationSlug: string, signal: AbortSignal): Promise<string[]> {
  const client = createClient({ url, token, fetch: (input, init) => window.fetch(input, init) });
  const names: string[] = [];
  try {
    for await (const team of client.teams(organizationSlug, { signal })) names.push((team satisfies Team).name);
  } catch (error) {
    if (error instanceof OrgraphError && error.code === 'ABORTED') return names;
    throw error;
  }
  return names;
}
