import type { NextFunction, Request, Response } from 'express';
import { version } from '../../package.json';

/** Full semver of the public API (ADR: every response carries it in `API-Version`). */
export const API_VERSION: string = version;

export function apiVersionHeader(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('API-Version', API_VERSION);
  next();
}
