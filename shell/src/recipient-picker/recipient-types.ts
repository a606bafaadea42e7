/** Someone or a group a message goes to, as `<preau-recipient-picker>` reports it. */
export interface Recipient {
  kind: 'user' | 'group';
  id: number;
  /** The person's display name, or the group's name. */
  label: string;
  /** For a group: how many people it reaches, shown on its chip. */
  members?: number;
}

/** The value of `<preau-recipient-picker>`. */
export interface Recipients {
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
}

/** The answer of `GET /api/core/directory/search`: only people and groups the user may write to. */
export interface DirectorySearch {
  users: { id: number; displayName: string; profile: string; schoolIds: number[] }[];
  groups: { id: number; name: string; kind: string; schoolId: number; members: number }[];
  /** Names of the hits' schools that are not the user's own (people met through a gateway). */
  otherSchools?: { id: number; name: string }[];
}

export type Language = 'fr' | 'en';

/** Profiles as people read them (« Enseignant », « Parent »). */
export const PROFILE_NAMES: Record<string, { fr: string; en: string }> = {
  Teacher: { fr: 'Enseignant', en: 'Teacher' },
  Student: { fr: 'Élève', en: 'Pupil' },
  Relative: { fr: 'Parent', en: 'Parent' },
  Personnel: { fr: 'Personnel', en: 'Staff' },
  Guest: { fr: 'Partenaire', en: 'Partner' },
};

/** A key that tells recipients apart across kinds (a user and a group may share an id). */
export function recipientKey(recipient: Pick<Recipient, 'kind' | 'id'>): string {
  return `${recipient.kind}:${recipient.id}`;
}

/** The text of a chip or an option: « DUPONT Sabine », « Parents — CM2 (24) ». */
export function recipientText(recipient: Recipient): string {
  return recipient.members === undefined ? recipient.label : `${recipient.label} (${recipient.members})`;
}

/** A suggestion of the search, with the detail that tells homonyms apart (the profile, or « groupe »). */
export interface Suggestion {
  recipient: Recipient;
  detail: string;
}

/** The search's answer as suggestions, groups first (they are what "Enseignants de l'école" looks for). */
export function suggestions(found: DirectorySearch, language: Language): Suggestion[] {
  // Someone of another school says which one: two « Enseignant » namesakes are told apart by it.
  const otherSchool = new Map((found.otherSchools ?? []).map((s) => [s.id, s.name]));
  const schoolsOf = (ids: number[]) => ids.flatMap((id) => (otherSchool.has(id) ? [otherSchool.get(id)!] : []));
  return [
    ...found.groups.map((group) => ({
      recipient: { kind: 'group' as const, id: group.id, label: group.name, members: group.members },
      detail: language === 'fr' ? 'Groupe' : 'Group',
    })),
    ...found.users.map((user) => ({
      recipient: { kind: 'user' as const, id: user.id, label: user.displayName },
      detail: [PROFILE_NAMES[user.profile]?.[language] ?? user.profile, ...schoolsOf(user.schoolIds)].join(' · '),
    })),
  ];
}
