import type { Knex } from 'knex';
import { frenchOrder, type Clock } from '@preau/sdk';
import { issueActivationCodes } from '../identity/activation-codes.js';
import { recordAccessResets } from '../identity/access-reset.js';
import { audit } from '../audit/audit-log.js';

/** One activation slip: who, with what login and code, and for a relative, which children. */
export interface ActivationSlip {
  userId: number;
  displayName: string;
  login: string;
  profile: 'Student' | 'Relative' | 'Teacher' | 'Personnel' | 'Guest';
  code: string;
  children: string[];
}

/** Everything printed on a set of slips. */
export interface SlipSheet {
  school: { name: string; city: string | null };
  classLabel: string | null;
  url: string;
  expiresAt: Date;
  slips: ActivationSlip[];
}

/**
 * The pupils of a class and their relatives who are current members of the school and not blocked (only those
 * still pending with `pending`), pupils first, in French order.
 */
export async function classSlipPeople(
  knex: Knex,
  input: { schoolId: number; classId: number; only: 'pending' | 'all'; userIds?: readonly number[] },
): Promise<(Omit<ActivationSlip, 'code'> & { state: string })[]> {
  const { rows } = await knex.raw<{ rows: (Omit<ActivationSlip, 'code'> & { state: string })[] }>(
    `with pupils as (
       select u.id from core.class_members cm join core.users u on u.id = cm.user_id
        where cm.class_id = :class and u.profile = 'Student'
     ), people as (
       select id from pupils
       union select rl.relative_id from core.relative_links rl join pupils p on p.id = rl.pupil_id
     )
     select u.id as "userId", u.display_name as "displayName", u.login, u.profile, u.state,
            coalesce((select array_agg(c.display_name order by ${frenchOrder('c.display_name')}, c.display_name)
                        from core.relative_links rl join core.users c on c.id = rl.pupil_id
                        join core.memberships m on m.user_id = c.id and m.school_id = :school and m.left_at is null
                       where rl.relative_id = u.id), '{}') as children
       from people x join core.users u on u.id = x.id
       join core.memberships here on here.user_id = u.id and here.school_id = :school and here.left_at is null
      where u.state <> 'blocked' ${input.only === 'pending' ? "and u.state = 'pending'" : ''}
        ${input.userIds ? 'and u.id = any(:ids::int[])' : ''}
      order by case u.profile when 'Student' then 0 else 1 end, ${frenchOrder('u.display_name')}, u.display_name`,
    { class: input.classId, school: input.schoolId, ids: input.userIds ? [...input.userIds] : [] },
  );
  return rows;
}

/**
 * Issues fresh activation codes to the pupils of a class and their relatives who are current members of the
 * school (by default only those who have not activated their account yet) and returns the slips to print.
 * Codes are stored only as keyed hashes, so printing again issues new codes, and the earlier slips of the same
 * people stop working. With `all`, activated accounts are reset (their sessions end, audited): `resets` names
 * them, for the caller to tell them once committed. Only the school's administrators may ask for `all`.
 */
export async function issueClassSlips(
  knex: Knex,
  input: { schoolId: number; classId: number; only: 'pending' | 'all'; userIds?: readonly number[]; activationKey: Buffer; codeDays: number; clock: Clock; actorId: number; ip: string | null },
): Promise<{ slips: ActivationSlip[]; resets: number[] }> {
  const rows = await classSlipPeople(knex, input);
  const now = input.clock.now();
  const resets = rows.filter((r) => r.state === 'active').map((r) => r.userId);
  return knex.transaction(async (trx) => {
    const codes = await issueActivationCodes(trx, input.activationKey, rows.map((r) => r.userId), {
      expiresAt: new Date(now.getTime() + input.codeDays * 86_400_000),
      createdBy: input.actorId,
      now,
    });
    await audit(trx, { action: 'codes-issued', schoolId: input.schoolId, actorId: input.actorId, ip: input.ip, details: { classId: input.classId, count: rows.length } });
    await recordAccessResets(trx, { userIds: resets, schoolId: input.schoolId, actorId: input.actorId, ip: input.ip, at: now });
    return { slips: rows.map(({ state: _state, ...r }) => ({ ...r, code: codes.get(r.userId)! })), resets };
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/** The code as printed: two groups of four, easier to copy. */
export function printedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** What a slip says, line by line (shared by the HTML page and the PDF). */
export function slipLines(sheet: SlipSheet, slip: ActivationSlip): { title: string; lines: string[]; steps: string[] } {
  const who = slip.profile === 'Student' ? 'Élève' : slip.profile === 'Relative' ? 'Responsable légal' : 'Personnel';
  return {
    title: `${sheet.school.name}${sheet.classLabel ? ` — ${sheet.classLabel}` : ''}`,
    lines: [
      `${who} : ${slip.displayName}`,
      ...(slip.children.length ? [`Responsable de : ${slip.children.join(', ')}`] : []),
      `Identifiant : ${slip.login}`,
      `Code d'activation : ${printedCode(slip.code)}`,
      `Valable jusqu'au ${PARIS_DATE.format(sheet.expiresAt)}`,
    ],
    steps: [
      `1. Ouvrez ${sheet.url} et choisissez « Activer mon compte ».`,
      "2. Saisissez votre identifiant et le code d'activation ci-dessus.",
      '3. Choisissez votre mot de passe et acceptez la charte.',
      "Ce code ne sert qu'une fois. Perdu ou expiré ? Demandez-en un nouveau à l'enseignant ou à la direction.",
    ],
  };
}

/**
 * The style of the printable page. The shell shows that page in a window of its own, which keeps the shell's
 * Content-Security-Policy: this style is allowed there by its hash, and the print button gets its listener from
 * the shell (no inline handler).
 */
export const SLIPS_STYLE = `
  body { font-family: system-ui, sans-serif; color: #111; margin: 1rem; }
  .slip { border: 2px dashed #555; padding: 0.8rem 1rem; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
  h2 { font-size: 1.1rem; margin: 0 0 0.3rem; } .lead { margin: 0 0 0.5rem; }
  ul { list-style: none; padding: 0; margin: 0 0 0.5rem; font-size: 1.05rem; } li { margin: 0.15rem 0; }
  ol { margin: 0 0 0.4rem 1.2rem; padding: 0; } .note { font-size: 0.9rem; margin: 0; }
  .toolbar { margin-bottom: 1rem; } @media print { .toolbar { display: none; } body { margin: 0; } }
`;

/** A printable page, one slip per person, cut lines between them and never a slip split across pages. */
export function renderSlipsHtml(sheet: SlipSheet): string {
  const slips = sheet.slips.map((slip) => {
    const { title, lines, steps } = slipLines(sheet, slip);
    return `<section class="slip" aria-label="${escapeHtml(slip.displayName)}">
  <h2>${escapeHtml(title)}</h2>
  <p class="lead">Votre accès à Préau, l'espace numérique de l'école</p>
  <ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
  <ol>${steps.slice(0, 3).map((s) => `<li>${escapeHtml(s.replace(/^\d\. /, ''))}</li>`).join('')}</ol>
  <p class="note">${escapeHtml(steps[3]!)}</p>
</section>`;
  });
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Fiches d'activation${sheet.classLabel ? ` — ${escapeHtml(sheet.classLabel)}` : ''}</title>
<style>${SLIPS_STYLE}</style></head>
<body><div class="toolbar"><button type="button" data-print>Imprimer</button> ${sheet.slips.length} fiche(s)</div>
${slips.join('\n')}
</body></html>`;
}
