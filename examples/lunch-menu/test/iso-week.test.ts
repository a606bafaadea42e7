import t from 'tap';
import { isoWeek, shiftWeek } from '../web/iso-week.js';

t.test('ISO weeks follow the calendar, across years', async (t) => {
  t.equal(isoWeek(new Date(2026, 10, 26)), '2026-W48');
  t.equal(isoWeek(new Date(2027, 0, 1)), '2026-W53', '1 January 2027 is a Friday of week 53');
  t.equal(isoWeek(new Date(2027, 0, 4)), '2027-W01');
  t.equal(shiftWeek('2026-W53', 1), '2027-W01');
  t.equal(shiftWeek('2027-W01', -1), '2026-W53');
  t.equal(shiftWeek('2026-W48', 0), '2026-W48');
});
