/** The texts of a school's "Applications" tab, in French and English (merged into `TEXTS`). */
export const APPS_TEXTS = {
  tabApps: { fr: 'Applications', en: 'Apps' },
  appsIntro: {
    fr: "Choisissez les applications que l'école utilise, éventuellement pour une période (ce trimestre). Une application désactivée disparaît aussitôt du lanceur de toute l'école.",
    en: 'Choose the apps the school uses, optionally for a period (this term). A disabled app disappears at once from the whole school’s launcher.',
  },
  appsCaption: { fr: "Applications de l'école", en: 'Apps of the school' },
  appName: { fr: 'Application', en: 'App' },
  appToday: { fr: "Aujourd'hui", en: 'Today' },
  appOn: { fr: 'Activée', en: 'Enabled' },
  appOff: { fr: 'Désactivée', en: 'Disabled' },
  appUnavailable: { fr: 'Indisponible', en: 'Unavailable' },
  appDefault: { fr: 'réglage par défaut', en: 'default setting' },
  appEnabledLabel: { fr: 'Activer {app}', en: 'Enable {app}' },
  appStartsOn: { fr: 'Du', en: 'From' },
  appEndsOn: { fr: 'Au', en: 'To' },
  appSave: { fr: 'Enregistrer', en: 'Save' },
  appSaved: { fr: '{app} : réglage enregistré.', en: '{app}: setting saved.' },
} as const;
