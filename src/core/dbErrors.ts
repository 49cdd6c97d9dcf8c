/** PostgreSQL error classification for turning constraint violations into userErrors. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}

/** TypeORM answers `UPDATE/DELETE ... RETURNING` through `query()` as `[rows, affectedCount]`; this takes the rows. */
export function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

// Connection-level failures: the pool could not get a connection in time, the server went away, is restarting, is
// full or refuses new connections for a while. (SQLSTATE class 08 = connection exception; 57P01-03 = admin shutdown,
// crash shutdown, cannot connect now; 53300 = too many connections; the network's own errors.)
const OUTAGE_CODES = new Set([
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300',
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
]);
// 55000 is a generic SQLSTATE: only its "not accepting connections" form (ALLOW_CONNECTIONS false, maintenance) is one.
const OUTAGE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|is not currently accepting connections/i;

/** True when PostgreSQL cancelled a statement for running past `statement_timeout` (SQLSTATE 57014). */
export function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  if (!e || typeof e !== 'object') return false;
  return (e.code ?? e.driverError?.code) === '57014';
}

/** True when the error means "the database is unreachable right now", not "this request is wrong". */
export function isDatabaseOutage(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } } | null;
  if (!e || typeof e !== 'object') return false;
  const code = e.code ?? e.driverError?.code;
  const message = `${e.message ?? ''} ${e.driverError?.message ?? ''}`;
  return (code !== undefined && OUTAGE_CODES.has(code)) || OUTAGE_MESSAGES.test(message);
}
