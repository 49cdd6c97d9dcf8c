import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, printSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { graphqlExecutions } from './metrics';
import { attachSplices, OperationRoot } from './responseSplices';

interface DocumentEntry {
  runs: number;
  compiled: CompiledQuery | null;
  /** graphql-jit refused the document; it stays on graphql-js. */
  uncompilable: boolean;
}

export interface JitOptions {
  /** Runs on graphql-js before a document is compiled (0 = compile on first sight). */
  compileAfter: number;
  /** Documents remembered (run counts and compilations), least recently used dropped first. */
  maxDocuments?: number;
}

/**
 * Executes operations on a graphql-jit compilation of their document once it has run `compileAfter` times on
 * graphql-js (the tiered approach of Mercurius's `jit` option). graphql-js walks every field through generic
 * machinery, which dominates large answers (a usage page of 49,000 items spends ~230 ms there); the compiled
 * document does the same work in ~15 ms. One-off documents (the IDE, hostile input) never pay for a compilation.
 *
 * Apollo Server 5 has no executor option; its documented replacement is a gateway that supplies one. Parsing,
 * validation, plugins and error formatting stay Apollo's.
 */
export function jitGateway(schema: GraphQLSchema, options: JitOptions): GatewayInterface {
  const documents = new LRUCache<string, DocumentEntry>({ max: options.maxDocuments ?? 1000 });

  const compile = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    try {
      const compiled = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      return isCompiledQuery(compiled) ? compiled : null;
    } catch {
      return null;
    }
  };

  const executor: GatewayExecutor = async (request) => {
    // The name the client asked for (Apollo's `operationName` is that of the operation it resolved, or null).
    const operationName = request.request.operationName ?? null;
    const runOnGraphqlJs = async () => {
      graphqlExecutions.inc({ engine: 'graphql-js' });
      const root = new OperationRoot();
      const result = await execute({ schema, document: request.document, rootValue: root, contextValue: request.context, variableValues: request.request.variables, operationName });
      attachSplices(result.data, root);
      return result;
    };

    const key = `${request.queryHash}\u0000${operationName ?? ''}`;
    let entry = documents.get(key);
    if (!entry) {
      entry = { runs: 0, compiled: null, uncompilable: false };
      documents.set(key, entry);
    }
    // No resolved operation: the name matched none of the document's, and graphql-js words that error as Apollo expects.
    if (!entry.compiled && !entry.uncompilable && entry.runs >= options.compileAfter && request.operation) {
      entry.compiled = compile(request.document, operationName);
      entry.uncompilable = !entry.compiled;
    }
    entry.runs += 1;
    if (!entry.compiled) return runOnGraphqlJs();

    // Each operation's own root: it carries the operation's pre-serialized parts (responseSplices.ts).
    const root = new OperationRoot();
    const result = await entry.compiled.query(root, request.context, request.request.variables ?? {});
    attachSplices(result.data, root);
    if (result.data !== undefined) graphqlExecutions.inc({ engine: 'jit' });
    // No data at all means the variables were refused. graphql-js words those errors differently and attaches the
    // variable's AST node, which is how Apollo knows to answer 400 BAD_USER_INPUT: let it produce them.
    if (result.data === undefined && result.errors?.length) return runOnGraphqlJs();
    return result.errors?.length ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {
      documents.clear();
    },
  };
}

/**
 * graphql-jit's errors are frozen look-alikes of graphql-js's; Apollo plugins (graphql-armor's suggestion filter)
 * rewrite `message` in place, so hand them real, writable graphql-js errors with the same content.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  return Object.assign(copy, { locations: error.locations });
}
