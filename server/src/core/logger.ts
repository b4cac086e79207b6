import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Paths that may carry personal data or credentials. Bodies are never serialised by pino-http's default
 * serialisers, but the paths are listed so that a future `req.body` log line is censored rather than leaked.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-jwt-token"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body',
  'res.body',
  'body',
  'password',
  '*.password',
  'token',
  '*.token',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'assist-platform' },
  };
  if (!destination && process.stdout.isTTY) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return destination ? pino(options, destination) : pino(options);
}
