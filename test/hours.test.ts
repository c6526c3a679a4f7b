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

// Hours that tell the truth: a holiday, other hours on a date, a closure for a while — in the
// hub's own time zone, whatever the visitor's clock says.
describe('dated exceptions and temporary closures', () => {
  const WEEKDAYS = [
    { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' },
  ] as Hub['opening_hours'];
  const inZone = (timezone: string, extra: Partial<Hub>): Hub =>
    ({ ...hub(WEEKDAYS), timezone, ...extra }) as Hub;
  const christmas = {
    hours_exceptions: [
      { from: '2026-12-24', to: '2026-12-25', reason: { es: 'Navidad', en: 'Christmas' } },
      { from: '2026-12-31', hours: [{ opens: '08:00', closes: '12:00' }] },
    ],
  };

  it('is closed on a holiday, says why, and opens again on the next working day', () => {
    const status = openingStatus(
      inZone('America/Guatemala', christmas),
      at('2026-12-24T10:00:00'),
    )!;
    expect(status.open).to.equal(false);
    expect(status.today).to.deep.equal([]);
    expect(status.exception?.reason).to.deep.equal({ es: 'Navidad', en: 'Christmas' });
    // Thursday 24 and Friday 25 closed; the weekend; Monday 28 at 08:00.
    expect(status.next).to.deep.equal({ day: 0, today: false, time: '08:00' });
  });

  it('keeps other hours on a date: open in the morning of 31 December, closed after noon', () => {
    const hub31 = inZone('America/Guatemala', christmas);
    expect(openingStatus(hub31, at('2026-12-31T09:00:00'))).to.include({ open: true });
    expect(openingStatus(hub31, at('2026-12-31T09:00:00'))!.today).to.deep.equal(['08:00–12:00']);
    expect(openingStatus(hub31, at('2026-12-31T13:00:00'))!.open).to.equal(false);
  });

  it('decides the date in the hub’s time zone, not the visitor’s: one instant, two answers', () => {
    // 2026-12-24T06:00Z is still Wednesday 23 December, 22:00, in Tijuana (UTC−8) — an ordinary
    // night after hours — and already Thursday 24 December, 02:00, in Santo Domingo (UTC−4).
    const instant = new Date('2026-12-24T06:00:00Z');
    const tijuana = openingStatus(inZone('America/Tijuana', christmas), instant)!;
    const santoDomingo = openingStatus(inZone('America/Santo_Domingo', christmas), instant)!;
    expect(tijuana.exception).to.be.undefined;
    expect(tijuana.next).to.deep.equal({ day: 0, today: false, time: '08:00' }); // 24–25 closed
    expect(santoDomingo.exception?.reason).to.deep.equal({ es: 'Navidad', en: 'Christmas' });
    // An instant when Tijuana is open on Wednesday and Santo Domingo is closed for the holiday:
    const noon = new Date('2026-12-23T20:00:00Z'); // Tijuana 12:00 Wed; Santo Domingo 16:00 Wed
    expect(openingStatus(inZone('America/Tijuana', christmas), noon)!.open).to.equal(true);
  });

  it('a temporary closure holds until the day it reopens, with its notice; then the weekly hours', () => {
    const closed = inZone('America/Guatemala', {
      status: 'temporarily_closed',
      status_notice: { es: 'Atendemos en el centro de Flores.' },
      reopens: '2026-08-03',
    });
    const during = openingStatus(closed, at('2026-07-30T10:00:00'))!; // a Thursday
    expect(during.open).to.equal(false);
    expect(during.closure).to.deep.equal({
      reopens: '2026-08-03',
      notice: { es: 'Atendemos en el centro de Flores.' },
    });
    const after = openingStatus(closed, at('2026-08-03T10:00:00'))!; // Monday, reopened
    expect(after.open).to.equal(true);
    expect(after.closure).to.be.undefined;
    // With no reopening date it stays closed; and it shows even with no weekly hours.
    const forNow = { ...closed, reopens: undefined, opening_hours: undefined } as Hub;
    expect(openingStatus(forNow, at('2027-01-04T10:00:00'))!.closure).to.deep.equal({
      reopens: undefined,
      notice: { es: 'Atendemos en el centro de Flores.' },
    });
  });

  it('the night before a holiday still ends in the morning; a holiday carries no night over', () => {
    const nights = {
      ...hub([{ days: ['th', 'fr'], opens: '20:00', closes: '06:00' }]),
      hours_exceptions: [{ from: '2026-12-24' }],
    } as Hub;
    // Thursday 24 closed: Friday 25 at 01:00 carries nothing from it.
    expect(openingStatus(nights, at('2026-12-25T01:00:00'))!.open).to.equal(false);
    // Wednesday 23 has no night; Friday 25 at 21:00 is open again.
    expect(openingStatus(nights, at('2026-12-25T21:00:00'))!.open).to.equal(true);
  });
});
