import pino, { type DestinationStream, type Logger } from 'pino'

/** Everything that could carry a secret is censored, wherever a serializer might put it. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'body.password',
  'body.token',
  'body.access_token',
  'password',
  'token',
  'access_token',
  'secret',
]

/** JSON logs to stderr (stdout belongs to the CLI's "listening on" line) or to a given stream. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    { level: 'info', redact: { paths: REDACT, censor: '[redacted]' } },
    destination ?? pino.destination(2),
  )
}
