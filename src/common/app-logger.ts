import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import type { LogLevel } from '../config/env';

/**
 * The one log of the process: pino, one JSON object per line, ISO 8601 timestamps (UTC) and the
 * level as a word. Nest's own messages, the boot messages and the request log all go through it.
 */
export function createRootLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Nest start-up chatter a newcomer does not need: each module, route and controller mapped. */
const DEBUG_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader']);

const messageOf = (m: unknown): string => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m));

/** Nest's LoggerService on top of the pino root logger; the Nest context becomes a field. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = this.contextOf(rest);
    if (context && DEBUG_CONTEXTS.has(context)) this.root.debug({ context }, messageOf(message));
    else this.root.info({ context }, messageOf(message));
  }

  error(message: unknown, ...rest: unknown[]): void {
    const context = this.contextOf(rest);
    const stack = rest.find((r): r is string => typeof r === 'string' && r.includes('\n    at '));
    if (message instanceof Error) this.root.error({ context, err: message }, message.message);
    else this.root.error({ context, ...(stack ? { stack } : {}) }, messageOf(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.root.warn({ context: this.contextOf(rest) }, messageOf(message));
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.root.debug({ context: this.contextOf(rest) }, messageOf(message));
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.root.trace({ context: this.contextOf(rest) }, messageOf(message));
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.root.fatal({ context: this.contextOf(rest) }, messageOf(message));
  }

  /** Nest passes the context as the last string argument. */
  private contextOf(rest: unknown[]): string | undefined {
    const last = rest[rest.length - 1];
    return typeof last === 'string' && !last.includes('\n') ? last : undefined;
  }
}
