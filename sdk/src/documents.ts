/**
 * `@orgraph/sdk/documents`: every typed document of the SDK's operations (`TeamApiKeysDocument`, …) with its result
 * and variables types, and the schema's input and enum types, for `client.request(document, variables)` without a
 * codegen of your own. Kept off the main entry so that `import { createClient } from '@orgraph/sdk'` stays small and
 * the schema's type names (`Team`, …) do not clash with the SDK's result types of the same name.
 */
export * from './generated/graphql.js';
