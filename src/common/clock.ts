import { Injectable } from '@nestjs/common';

/** The one source of "now", so tests can move time (deadlines, overdue) without sleeping. */
@Injectable()
export class Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** test helper: shift time forward */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Pretend it is `moment` from now on (the demo seed writes a believable past); null → real time. */
  set(moment: Date | null): void {
    this.offsetMs = moment ? moment.getTime() - Date.now() : 0;
  }
}
