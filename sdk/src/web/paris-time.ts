/** Europe/Paris wall-time parts: what a French teacher types in a `datetime-local` input (news, liaison, textbook). */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** "2026-12-03T07:30" as Europe/Paris wall time (what a French teacher types), as an ISO instant. */
export function parisLocalToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // Paris is UTC+1 or +2: read what Paris shows at the guess and correct by the difference.
  const shown = (instant: number) => {
    const p = Object.fromEntries(PARTS.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  };
  const first = wanted - (shown(wanted) - wanted);
  return new Date(first - (shown(first) - wanted)).toISOString();
}

/** An ISO instant as the value of a `datetime-local` input, in Europe/Paris. */
export function isoToParisLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
