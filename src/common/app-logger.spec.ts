import pino from 'pino';
import { Writable } from 'node:stream';
import { PinoNestLogger } from './app-logger';

function capture(level: pino.Level) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const root = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, stream);
  return { lines, logger: new PinoNestLogger(root) };
}

describe('PinoNestLogger', () => {
  it('writes Nest messages as pino lines with an ISO timestamp, the level as a word and the context', () => {
    const { lines, logger } = capture('info');
    logger.log('Doorbraakbudget is ready', 'Boot');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', context: 'Boot', msg: 'Doorbraakbudget is ready' });
    expect(String(lines[0].time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('puts route mapping and module loading at debug level', () => {
    const { lines, logger } = capture('info');
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(lines).toHaveLength(0);
    const debug = capture('debug');
    debug.logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    expect(debug.lines[0]).toMatchObject({ level: 'debug', context: 'RouterExplorer' });
  });

  it('keeps the error and its stack', () => {
    const { lines, logger } = capture('info');
    logger.error(new Error('boom'), 'Boot');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'Boot', msg: 'boom' });
    expect(JSON.stringify(lines[0].err)).toContain('boom');
  });
});
