import { ADMIN_TEXTS } from './i18n-admin.js';
import { DIRECTORY_TEXTS } from './i18n-directory.js';
import { COMMUNICATION_TEXTS } from './i18n-communication.js';
import { APPS_TEXTS } from './i18n-apps.js';
import { NOTIFICATION_TEXTS } from './notifications/i18n-notifications.js';
import { DESIGN_TEXTS } from './i18n-design.js';

/** The shell's own texts, in French (default) and English; `{name}` marks a value filled in by `format`. */
const SHELL_TEXTS = {
  loading: { fr: 'Chargement…', en: 'Loading…' },
  skipToContent: { fr: 'Aller au contenu', en: 'Skip to content' },
  signIn: { fr: 'Se connecter', en: 'Sign in' },
  signOut: { fr: 'Se déconnecter', en: 'Sign out' },
  login: { fr: 'Identifiant', en: 'Login' },
  password: { fr: 'Mot de passe', en: 'Password' },
  displayName: { fr: 'Nom affiché', en: 'Display name' },
  setupTitle: { fr: 'Installation de Préau', en: 'Setting up Préau' },
  setupIntro: {
    fr: "Créez le compte de l'administrateur de l'académie. Il pourra ensuite créer les écoles et leurs comptes.",
    en: 'Create the academy administrator account. It can then create schools and their accounts.',
  },
  setupSubmit: { fr: "Créer l'administrateur", en: 'Create the administrator' },
  setupMissingToken: {
    fr: "Ce lien d'installation est incomplet : utilisez celui affiché au démarrage du serveur.",
    en: 'This setup link is incomplete: use the one printed when the server started.',
  },
  childSwitcher: { fr: 'Enfant', en: 'Child' },
  appHelp: { fr: 'Aide', en: 'Help' },
  appHelpOf: { fr: "Aide de l'application {app}", en: 'Help for {app}' },
  shellHelpTitle: { fr: 'Aide de Préau', en: 'Préau help' },
  // Mon compte › Espace de stockage
  storageTitle: { fr: 'Espace de stockage', en: 'Storage' },
  storageUsed: { fr: '{used} utilisés sur {quota} ({percent} %)', en: '{used} used of {quota} ({percent}%)' },
  storageWhat: { fr: 'Tout ce que vous déposez compte, dans toutes les applications (documents, pièces jointes, médias).', en: 'Everything you upload counts, in every app (documents, attachments, media).' },
  storageNearly: { fr: 'Votre espace est presque plein : supprimez des fichiers dont vous n’avez plus besoin.', en: 'Your storage is nearly full: delete files you no longer need.' },
  storageFull: { fr: 'Votre espace est plein : vous ne pouvez plus rien déposer avant d’avoir supprimé des fichiers.', en: 'Your storage is full: you cannot upload anything until you delete files.' },
  myApps: { fr: 'Mes applications', en: 'My apps' },
  noApps: { fr: "Aucune application n'est activée pour votre école.", en: 'No app is enabled for your school.' },
  unreadItems: { fr: '{count} à lire', en: '{count} to read' },
  childWithUnread: { fr: '{name} ({count} à lire)', en: '{name} ({count} to read)' },
  home: { fr: 'Accueil', en: 'Home' },
  mainMenu: { fr: 'Menu principal', en: 'Main menu' },
  appFailed: { fr: "L'application n'a pas pu être chargée.", en: 'The app could not be loaded.' },
  passwordHint: { fr: 'Au moins 8 caractères.', en: 'At least 8 characters.' },
  passwordMinHint: { fr: 'Au moins {count} caractères.', en: 'At least {count} characters.' },
  notFound: { fr: "Cette page n'existe pas.", en: 'This page does not exist.' },
  appNotEnabledTitle: { fr: 'Application non disponible', en: 'App not available' },
  appNotEnabled: { fr: "Cette application n'est pas activée pour votre école.", en: 'This app is not enabled for your school.' },
  backHome: { fr: "Retour à l'accueil", en: 'Back to the home page' },
  // Signed out
  activateAccount: { fr: 'Activer mon compte', en: 'Activate my account' },
  passwordForgotten: { fr: 'Mot de passe oublié ?', en: 'Forgotten password?' },
  loginForgotten: { fr: 'Identifiant oublié ?', en: 'Forgotten login?' },
  firstTimeHelp: { fr: "Première connexion ? Munissez-vous de la fiche remise par l'école.", en: 'First time? Have the slip the school gave you at hand.' },
  backToSignIn: { fr: 'Retour à la connexion', en: 'Back to sign-in' },
  activationCode: { fr: "Code d'activation", en: 'Activation code' },
  activationIntro: {
    fr: "Saisissez l'identifiant et le code d'activation inscrits sur la fiche remise par l'école.",
    en: 'Enter the login and the activation code printed on the slip the school gave you.',
  },
  activationCodeHint: { fr: 'Par exemple ABCD-EFGH (majuscules ou minuscules).', en: 'For example ABCD-EFGH (any case).' },
  continue: { fr: 'Continuer', en: 'Continue' },
  hello: { fr: 'Bonjour {name}', en: 'Hello {name}' },
  charterTitle: { fr: "Charte d'utilisation", en: 'Terms of use' },
  acceptCharter: { fr: "J'accepte la charte d'utilisation", en: 'I accept the terms of use' },
  mustAcceptCharter: { fr: "Cochez « J'accepte la charte d'utilisation » pour continuer.", en: 'Tick “I accept the terms of use” to continue.' },
  newPassword: { fr: 'Nouveau mot de passe', en: 'New password' },
  confirmPassword: { fr: 'Confirmation du mot de passe', en: 'Password confirmation' },
  passwordsDiffer: { fr: 'Les deux mots de passe ne sont pas identiques.', en: 'The two passwords differ.' },
  passwordTooShort: { fr: 'Le mot de passe doit contenir au moins {count} caractères.', en: 'The password needs at least {count} characters.' },
  email: { fr: 'Adresse électronique (facultative)', en: 'Email address (optional)' },
  emailHint: {
    fr: 'Pour recevoir les notifications de l’école et pouvoir retrouver votre mot de passe si vous l’oubliez.',
    en: 'To receive the school’s notifications and to recover your password if you forget it.',
  },
  mobile: { fr: 'Téléphone portable (facultatif)', en: 'Mobile phone (optional)' },
  // Préau sends no text messages: the number is for the school to reach you, and shown in the address book
  // only if you choose so.
  mobileHint: { fr: "Pour que l'école puisse vous joindre ; affiché dans l'annuaire seulement si vous le choisissez. Par exemple 06 12 34 56 78.", en: 'For the school to reach you; shown in the address book only if you choose so. E.g. 06 12 34 56 78.' },
  emailInvalid: { fr: 'L’adresse électronique n’est pas valide (exemple : prenom.nom@exemple.fr).', en: 'The email address is not valid (e.g. first.last@example.com).' },
  mobileInvalid: { fr: 'Le numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78).', en: 'The phone number is not valid (e.g. 06 12 34 56 78).' },
  otherCode: { fr: 'Saisir un autre code', en: 'Enter another code' },
  forgottenPasswordIntro: {
    fr: "Saisissez votre identifiant : si votre compte a une adresse électronique, vous y recevrez un lien pour choisir un nouveau mot de passe. Sans adresse (les élèves), demandez un nouveau code à la direction de l'école.",
    en: 'Enter your login: if your account has an email address, you will receive a link there to choose a new password. Without one (pupils), ask the school office for a new code.',
  },
  sendLink: { fr: 'Recevoir un lien', en: 'Send me a link' },
  forgottenLoginIntro: {
    fr: 'Saisissez l’adresse électronique de votre compte : vous y recevrez votre identifiant.',
    en: 'Enter the email address of your account: your login will be sent there.',
  },
  emailRequired: { fr: 'Adresse électronique', en: 'Email address' },
  sendLogin: { fr: 'Recevoir mon identifiant', en: 'Send me my login' },
  resetTitle: { fr: 'Choisir un nouveau mot de passe', en: 'Choose a new password' },
  resetSubmit: { fr: 'Changer mon mot de passe', en: 'Change my password' },
  resetDone: { fr: 'Votre mot de passe a été changé. Vous pouvez maintenant vous connecter.', en: 'Your password was changed. You can now sign in.' },
  resetMissingToken: {
    fr: 'Ce lien est incomplet : ouvrez celui reçu par courriel, ou faites une nouvelle demande.',
    en: 'This link is incomplete: open the one you received by email, or ask for a new one.',
  },
  // Home
  myChildren: { fr: 'Mes enfants', en: 'My children' },
  myClasses: { fr: 'Mes classes', en: 'My classes' },
  noChildren: { fr: "Aucun enfant n'est rattaché à votre compte pour cette année.", en: 'No child is linked to your account this year.' },
  noClasses: { fr: 'Aucune classe cette année.', en: 'No class this year.' },
  noClassYet: { fr: 'Classe non renseignée', en: 'No class yet' },
  // Account
  myAccount: { fr: 'Mon compte', en: 'My account' },
  profileSection: { fr: 'Mon profil', en: 'My profile' },
  profile: { fr: 'Profil', en: 'Profile' },
  schools: { fr: 'Écoles', en: 'Schools' },
  contactSection: { fr: 'Téléphone et langue', en: 'Phone and language' },
  emailSection: { fr: 'Adresse électronique', en: 'Email address' },
  currentEmail: { fr: 'Adresse actuelle', en: 'Current address' },
  noEmail: { fr: 'Aucune', en: 'None' },
  pendingEmailLabel: { fr: 'En attente de confirmation', en: 'Waiting for confirmation' },
  newEmail: { fr: 'Nouvelle adresse électronique', en: 'New email address' },
  newEmailHint: {
    fr: "Pour recevoir les notifications de l'école et retrouver votre mot de passe. Un lien de confirmation sera envoyé à la nouvelle adresse : elle ne remplacera l'actuelle qu'une fois ce lien ouvert.",
    en: "To receive the school's notifications and recover your password. A confirmation link will be sent to the new address: it replaces the current one only once that link is opened.",
  },
  newEmailMissing: { fr: 'Saisissez la nouvelle adresse électronique.', en: 'Enter the new email address.' },
  changeEmail: { fr: "Changer d'adresse", en: 'Change address' },
  removeEmail: { fr: 'Retirer mon adresse', en: 'Remove my address' },
  emailLinkSent: {
    fr: "Un lien de confirmation a été envoyé à {email}. Ouvrez-le pour utiliser cette adresse ; d'ici là, votre compte garde son adresse actuelle.",
    en: 'A confirmation link was sent to {email}. Open it to use this address; until then your account keeps its current address.',
  },
  emailRemoved: { fr: 'Votre adresse électronique a été retirée.', en: 'Your email address was removed.' },
  emailUnchanged: { fr: "C'est déjà votre adresse.", en: 'This is already your address.' },
  emailConfirmTitle: { fr: 'Confirmation de votre adresse électronique', en: 'Confirming your email address' },
  emailConfirming: { fr: 'Confirmation en cours…', en: 'Confirming…' },
  emailConfirmed: { fr: 'Adresse confirmée : votre compte utilise désormais {email}.', en: 'Address confirmed: your account now uses {email}.' },
  emailConfirmMissingToken: {
    fr: 'Ce lien est incomplet : ouvrez celui reçu par courriel, ou refaites la demande depuis « Mon compte ».',
    en: 'This link is incomplete: open the one you received by email, or ask again from “My account”.',
  },
  backToAccount: { fr: 'Aller à « Mon compte »', en: 'Go to “My account”' },
  language: { fr: "Langue de l'interface", en: 'Interface language' },
  save: { fr: 'Enregistrer', en: 'Save' },
  saved: { fr: 'Modifications enregistrées.', en: 'Changes saved.' },
  passwordSection: { fr: 'Changer de mot de passe', en: 'Change my password' },
  currentPassword: { fr: 'Mot de passe actuel', en: 'Current password' },
  changePassword: { fr: 'Changer le mot de passe', en: 'Change the password' },
  passwordChanged: { fr: 'Mot de passe changé. Vos autres sessions ont été fermées.', en: 'Password changed. Your other sessions were closed.' },
  sessionsSection: { fr: 'Mes sessions', en: 'My sessions' },
  sessionsIntro: { fr: 'Les appareils sur lesquels votre compte est ouvert.', en: 'The devices on which your account is open.' },
  device: { fr: 'Appareil', en: 'Device' },
  ipAddress: { fr: 'Adresse IP', en: 'IP address' },
  openedAt: { fr: 'Ouverte le', en: 'Opened' },
  lastSeenAt: { fr: 'Dernière activité', en: 'Last activity' },
  thisSession: { fr: 'Cette session', en: 'This session' },
  actions: { fr: 'Actions', en: 'Actions' },
  endSession: { fr: 'Déconnecter', en: 'Sign out' },
  endSessionOf: { fr: 'Déconnecter la session {device}', en: 'Sign out the session {device}' },
  signOutEverywhere: { fr: 'Me déconnecter partout', en: 'Sign out everywhere' },
  signOutEverywhereHint: { fr: 'Ferme toutes vos sessions, y compris celle-ci.', en: 'Closes all your sessions, this one included.' },
  unknownDevice: { fr: 'Appareil inconnu', en: 'Unknown device' },
  dataSection: { fr: 'Mes données', en: 'My data' },
  dataIntro: {
    fr: 'Téléchargez tout ce que Préau conserve à votre sujet, dans un fichier JSON (droit d’accès et de portabilité, RGPD).',
    en: 'Download everything Préau keeps about you, as a JSON file (right of access and portability, GDPR).',
  },
  downloadData: { fr: 'Télécharger mes données', en: 'Download my data' },
  profileTeacher: { fr: 'Enseignant', en: 'Teacher' },
  profileStudent: { fr: 'Élève', en: 'Pupil' },
  profileRelative: { fr: 'Responsable légal', en: 'Parent or guardian' },
  profilePersonnel: { fr: 'Personnel', en: 'Staff' },
  profileGuest: { fr: 'Invité', en: 'Guest' },
} as const;

/** Every text of the shell. */
export const TEXTS = { ...SHELL_TEXTS, ...ADMIN_TEXTS, ...DIRECTORY_TEXTS, ...COMMUNICATION_TEXTS, ...APPS_TEXTS, ...NOTIFICATION_TEXTS, ...DESIGN_TEXTS };

export type TextKey = keyof typeof TEXTS;
export type Language = 'fr' | 'en';

/** The shell's text for `key` in `language`. */
export function text(key: TextKey, language: Language): string {
  return TEXTS[key][language];
}

/** The text for `key` with its `{placeholders}` filled in. */
export function format(key: TextKey, language: Language, values: Record<string, string | number>): string {
  return text(key, language).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The name of a profile (`Teacher` → « Enseignant »). */
export function profileName(profile: string, language: Language): string {
  const key = `profile${profile}`;
  return key in TEXTS ? text(key as TextKey, language) : profile;
}
