import { Injectable } from '@nestjs/common';

/**
 * The time, as the services that act on dates see it (re-confirmation, reminders). One provider,
 * so a test moves it (`jest.spyOn(app.get(Clock), 'now')`) instead of waiting months.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** The UTC day of an instant, YYYY-MM-DD, as `date` columns hold it. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * The UTC day `months` calendar months before `at`, YYYY-MM-DD. The 31st of a month goes back to
 * the last day of a shorter one (31 March − 1 month: 28 or 29 February), never into the next.
 */
export function monthsBefore(at: Date, months: number): string {
  const total = at.getUTCFullYear() * 12 + at.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(year, month, Math.min(at.getUTCDate(), lastDay))));
}
