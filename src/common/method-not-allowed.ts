import { HttpException } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { toProblem } from './error.filter';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * 405 Method Not Allowed (with `Allow`) for a method the API does not offer on an existing path —
 * TRACE, or DELETE on a collection — instead of a 404 that says the path is unknown. The routes come
 * from the served OpenAPI document, so the answer agrees with it. OPTIONS answers 204 with `Allow`.
 */
export function methodNotAllowed(document: OpenAPIObject, prefix = '/api/v1'): RequestHandler {
  const routes = Object.entries(document.paths).map(([path, item]) => ({
    pattern: new RegExp(`^${prefix}${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    methods: METHODS.filter((m) => item[m]).map((m) => m.toUpperCase()),
  }));
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith(`${prefix}/`)) return next();
    const allowed = new Set<string>();
    for (const r of routes) if (r.pattern.test(req.path)) r.methods.forEach((m) => allowed.add(m));
    if (!allowed.size) return next();
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(req.method)) return next();
    const allow = [...allowed, 'OPTIONS'].join(', ');
    res.setHeader('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    const problem = toProblem(new HttpException(`${req.method} is not supported on ${req.path}; allowed: ${allow}`, 405), req.path);
    res.status(405).type('application/problem+json').send(JSON.stringify(problem));
  };
}
