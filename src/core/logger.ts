import pino, { type Logger } from 'pino';

/** Structured JSON logs; every request-scoped line carries `requestId`. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'orgraph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'password', 'token', 'secret'], censor: '[redacted]' },
  });
}

export type { Logger };
