/** The shell's own texts, in French (default) and English. */
export const TEXTS = {
  loading: { fr: 'Chargement…', en: 'Loading…' },
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
  myApps: { fr: 'Mes applications', en: 'My apps' },
  noApps: { fr: "Aucune application n'est activée pour votre école.", en: 'No app is enabled for your school.' },
  home: { fr: 'Accueil', en: 'Home' },
  appFailed: { fr: "L'application n'a pas pu être chargée.", en: 'The app could not be loaded.' },
  passwordHint: { fr: 'Au moins 8 caractères.', en: 'At least 8 characters.' },
} as const;

export type TextKey = keyof typeof TEXTS;

/** The shell's text for `key` in `language`. */
export function text(key: TextKey, language: 'fr' | 'en'): string {
  return TEXTS[key][language];
}
