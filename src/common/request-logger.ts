import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * Structured request log: one JSON line per request with a request id (taken from X-Request-Id
 * when a proxy sets one), method, path, status and duration. No bodies, no query strings, no
 * headers: nothing personal ends up in the log. The id is echoed in the X-Request-Id header.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'info'),
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/assets/') },
    serializers: {
      req: (req: { id: string; method: string; url: string; raw?: { user?: { id?: string } } }) => ({
        id: req.id,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customProps: (req) => ({ userId: (req as IncomingMessage & { user?: { id: string } }).user?.id }),
    wrapSerializers: false,
  });
}
