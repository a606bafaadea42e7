import type { LocalizedText } from '@preau/sdk';

/**
 * What a form calls the fields most routes share, for a schema that does not name its field with `fieldLabel`:
 * a validation error then still says « Titre », not `body.title`.
 */
export const FIELD_NAMES: Readonly<Record<string, LocalizedText>> = {
  title: { fr: 'Titre', en: 'Title' },
  subject: { fr: 'Objet', en: 'Subject' },
  body: { fr: 'Texte', en: 'Text' },
  text: { fr: 'Texte', en: 'Text' },
  name: { fr: 'Nom', en: 'Name' },
  label: { fr: 'Nom', en: 'Name' },
  displayName: { fr: 'Nom affiché', en: 'Display name' },
  firstName: { fr: 'Prénom', en: 'First name' },
  lastName: { fr: 'Nom', en: 'Last name' },
  login: { fr: 'Identifiant', en: 'Login' },
  password: { fr: 'Mot de passe', en: 'Password' },
  newPassword: { fr: 'Nouveau mot de passe', en: 'New password' },
  currentPassword: { fr: 'Mot de passe actuel', en: 'Current password' },
  email: { fr: 'Adresse électronique', en: 'Email address' },
  mobile: { fr: 'Téléphone portable', en: 'Mobile phone' },
  code: { fr: 'Code', en: 'Code' },
  uai: { fr: 'Code UAI', en: 'UAI code' },
  colour: { fr: 'Couleur', en: 'Colour' },
  signature: { fr: 'Signature', en: 'Signature' },
  category: { fr: 'Catégorie', en: 'Category' },
  levels: { fr: 'Niveaux', en: 'Levels' },
  profiles: { fr: 'Profils', en: 'Profiles' },
  schoolIds: { fr: 'École', en: 'School' },
  classIds: { fr: 'Classes', en: 'Classes' },
  pupilIds: { fr: 'Élèves', en: 'Pupils' },
  startsAt: { fr: 'Début', en: 'Start' },
  endsAt: { fr: 'Fin', en: 'End' },
  publishAt: { fr: 'Date de publication', en: 'Publication date' },
  expiresAt: { fr: "Date d'expiration", en: 'Expiry date' },
  sendAt: { fr: "Date d'envoi", en: 'Sending date' },
  scheduledAt: { fr: "Date d'envoi", en: 'Sending date' },
  deadline: { fr: 'Date limite', en: 'Deadline' },
  prompt: { fr: 'Intitulé de la question', en: 'Question' },
  options: { fr: 'Choix proposés', en: 'Options' },
  comment: { fr: 'Commentaire', en: 'Comment' },
  week: { fr: 'Semaine', en: 'Week' },
};
