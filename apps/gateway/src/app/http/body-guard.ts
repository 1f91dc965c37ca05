import type { NextFunction, Request, Response } from 'express';
import type { RpcError } from '@jcm/contracts';

/** The JSON body limit of every API route (the file upload streams its own body and has its own limit). */
export const JSON_BODY_LIMIT = '1mb';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

function send(res: Response, status: number, body: RpcError): void {
  res.status(status).json(body);
}

/**
 * 415 for a request body that is not JSON, before any parser runs: without it a `text/plain` body reached the
 * route as `{}` and a PATCH "succeeded" with nothing in it. `rawBodyPath` names the routes that take a raw file.
 */
export function requireJsonBody(rawBodyPath: (path: string) => boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (
      !WITH_BODY.has(req.method) ||
      !hasBody(req) ||
      rawBodyPath(req.path) ||
      isJson(req.headers['content-type'])
    )
      return next();
    send(res, 415, {
      code: 'VALIDATION_FAILED',
      message: 'The request body must be JSON (Content-Type: application/json).',
      issues: [{ path: 'Content-Type', message: 'Expected application/json' }],
    });
  };
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Express error handler for the body parser, which fails before Nest's filters run (a body over the limit was a
 * 500): too large → 413, unparsable → 400, unsupported charset or encoding → 415.
 */
export function bodyParserErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (err as BodyParserError | null)?.type;
  if (type === 'entity.too.large')
    return send(res, 413, {
      code: 'VALIDATION_FAILED',
      message: `The request body is larger than ${JSON_BODY_LIMIT}.`,
      issues: [{ path: '(body)', message: `At most ${JSON_BODY_LIMIT}` }],
    });
  if (type === 'entity.parse.failed')
    return send(res, 400, {
      code: 'VALIDATION_FAILED',
      message: 'The request body is not valid JSON.',
      issues: [{ path: '(body)', message: 'Invalid JSON' }],
    });
  if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    return send(res, 415, {
      code: 'VALIDATION_FAILED',
      message: 'Unsupported body charset or content encoding.',
      issues: [{ path: 'Content-Type', message: 'Expected UTF-8 JSON' }],
    });
  if (
    type === 'request.aborted' ||
    type === 'stream.encoding.set' ||
    (err as BodyParserError | null)?.status === 400
  )
    return send(res, 400, { code: 'VALIDATION_FAILED', message: 'Unreadable request body.' });
  next(err);
}
