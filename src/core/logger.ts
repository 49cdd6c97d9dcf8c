import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs; every request-scoped line carries `requestId`. Lines go to stdout unless a `destination`
 * is given (tests read the server's log lines through one).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'orgraph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'password', 'token', 'secret'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
