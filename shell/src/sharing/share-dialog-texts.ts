
type Text = { fr: string; en: string };

/** The share dialog's words, French first. */
export const SHARE_TEXT = {
  title: { fr: (name: string) => `Partager « ${name} »`, en: (name: string) => `Share “${name}”` },
  close: { fr: 'Fermer', en: 'Close' },
  loading: { fr: 'Chargement du partage…', en: 'Loading the sharing…' },
  owner: { fr: 'Propriétaire', en: 'Owner' },
  access: { fr: 'Qui y a accès', en: 'Who has access' },
  nobody: { fr: 'Cet élément n’est encore partagé avec personne.', en: 'This item is not shared with anyone yet.' },
  group: { fr: 'Groupe', en: 'Group' },
  /** « hérité d’un dossier qui le contient »: a declared title starts with its article (« un dossier »). */
  inherited: {
    fr: (title: string) => `hérité ${/^une?\b/.test(title) ? `d’${title}` : `de ${title}`} qui le contient`,
    en: (title: string) => `inherited from ${title} that contains it`,
  },
  lapsed: { fr: 'ne s’applique plus', en: 'no longer applies' },
  lapsedWhy: {
    fr: 'la personne a quitté l’école, ou le groupe est celui d’une classe d’une année passée',
    en: 'the person left the school, or the group is a class of a past year',
  },
  roleOf: { fr: (name: string) => `Rôle de ${name}`, en: (name: string) => `Role of ${name}` },
  remove: { fr: 'Retirer', en: 'Remove' },
  removeOf: { fr: (name: string) => `Retirer l’accès de ${name}`, en: (name: string) => `Remove access of ${name}` },
  confirmRemove: { fr: (name: string) => `Retirer l’accès de ${name} ?`, en: (name: string) => `Remove access of ${name}?` },
  confirm: { fr: 'Oui, retirer', en: 'Yes, remove' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  add: { fr: 'Ajouter des personnes ou des groupes', en: 'Add people or groups' },
  with: { fr: 'Avec', en: 'With' },
  role: { fr: 'Rôle', en: 'Role' },
  notify: { fr: 'Les prévenir (fil d’actualité et courriel selon leurs choix)', en: 'Tell them (timeline, and email as they chose)' },
  share: { fr: 'Partager', en: 'Share' },
  chooseSomeone: { fr: 'Choisissez au moins une personne ou un groupe.', en: 'Choose at least one person or group.' },
  shared: { fr: (n: number) => (n > 1 ? `Partagé avec ${n} destinataires.` : 'Partagé.'), en: (n: number) => (n > 1 ? `Shared with ${n} recipients.` : 'Shared.') },
  changed: { fr: (name: string, role: string) => `${name} : ${role}.`, en: (name: string, role: string) => `${name}: ${role}.` },
  removed: { fr: (name: string) => `Accès de ${name} retiré.`, en: (name: string) => `Access of ${name} removed.` },
  readOnly: { fr: 'Vous ne pouvez pas modifier ce partage.', en: 'You may not change this sharing.' },
  yourRole: { fr: 'Votre rôle', en: 'Your role' },
} satisfies Record<string, Text | { fr: (...args: never[]) => string; en: (...args: never[]) => string }>;
