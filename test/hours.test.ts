// Opening hours that cross midnight give one consistent answer: open in the small hours of the
// next day, and then listed among that day's hours — never "Open now" beside "Closed today".
import { expect } from '@open-wc/testing';
import { openingStatus } from '../src/hub-locator/hubs.js';
import type { Hub } from '../src/feed/schema.js';

const hub = (hours: Hub['opening_hours']): Hub =>
  ({
    id: 'h',
    name: 'Night shelter',
    lat: 14.6,
    lon: -90.5,
    timezone: 'America/Guatemala', // UTC−6 all year
    opening_hours: hours,
  }) as Hub;
/** A moment in Guatemala, as UTC (local + 6 h). */
const at = (isoLocal: string) => new Date(new Date(`${isoLocal}Z`).getTime() + 6 * 3600_000);
const fridayNights = hub([{ days: ['fr'], opens: '20:00', closes: '06:00' }]);

describe('hours across midnight', () => {
  it('is open on Saturday at 01:00 with Friday 20:00–06:00, and says so among Saturday’s hours', () => {
    const status = openingStatus(fridayNights, at('2026-11-28T01:00:00'))!; // a Saturday
    expect(status.open).to.equal(true);
    expect(status.today).to.deep.equal(['00:00–06:00']);
  });

  it('is closed on Saturday at 07:00, its hours that day having ended at 06:00', () => {
    const status = openingStatus(fridayNights, at('2026-11-28T07:00:00'))!;
    expect(status.open).to.equal(false);
    expect(status.today).to.deep.equal(['00:00–06:00']);
    expect(status.next).to.deep.include({ day: 4, today: false, time: '20:00' }); // Friday
  });

  it('is open on Friday at 23:00 and lists the night as Friday’s hours', () => {
    const status = openingStatus(fridayNights, at('2026-11-27T23:00:00'))!;
    expect(status.open).to.equal(true);
    expect(status.today).to.deep.equal(['20:00–06:00']);
  });

  it('reads 20:00–00:00 as ending at midnight: nothing carried into the next day', () => {
    const evenings = hub([{ days: ['fr'], opens: '20:00', closes: '00:00' }]);
    expect(openingStatus(evenings, at('2026-11-27T23:59:00'))!.open).to.equal(true);
    const saturday = openingStatus(evenings, at('2026-11-28T00:30:00'))!;
    expect(saturday.open).to.equal(false);
    expect(saturday.today).to.deep.equal([]);
  });

  it('merges a night carried over with the day’s own hours, in order', () => {
    const both = hub([
      { days: ['fr'], opens: '22:00', closes: '02:00' },
      { days: ['sa'], opens: '09:00', closes: '13:00' },
    ]);
    const status = openingStatus(both, at('2026-11-28T10:00:00'))!;
    expect(status.open).to.equal(true);
    expect(status.today).to.deep.equal(['00:00–02:00', '09:00–13:00']);
  });
});
