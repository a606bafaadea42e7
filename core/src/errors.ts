/**
 * The catalogue of the core's coded errors. Every 4xx/5xx body the core sends is `{ code, message, details? }`
 * with one of these codes; plugins declare their own with `defineError` from the SDK.
 */
import { defineError, type Language } from '@preau/sdk';
import type { ValidationProblem } from './http/validation-problems.js';

// Configuration
/** `preau.config.json` (or the environment) does not match the configuration schema. */
export const ConfigInvalid = defineError('PREAU_ERR_CONFIG_INVALID', 500, (problems: string) => ({
  fr: `Configuration invalide : ${problems}`,
  en: `Invalid configuration: ${problems}`,
}));

// Plugins
/** A configured plugin module could not be found or imported. */
export const PluginLoadFailed = defineError('PREAU_ERR_PLUGIN_LOAD', 500, (entry: string, reason: string) => ({
  fr: `Le plugin « ${entry} » n'a pas pu être chargé : ${reason}`,
  en: `Plugin "${entry}" could not be loaded: ${reason}`,
}));
/** A plugin manifest does not match the manifest schema. */
export const PluginManifestInvalid = defineError(
  'PREAU_ERR_PLUGIN_MANIFEST',
  500,
  (plugin: string, field: string, problem: string) => ({
    fr: `Manifeste du plugin « ${plugin} » invalide : ${field} ${problem}`,
    en: `Invalid manifest of plugin "${plugin}": ${field} ${problem}`,
  }),
  (_plugin: string, field: string, problem: string) => ({ field, problem }),
);
/** A plugin's `sdk` range excludes the running SDK. */
export const PluginSdkMismatch = defineError(
  'PREAU_ERR_PLUGIN_SDK_MISMATCH',
  500,
  (plugin: string, range: string, sdk: string) => ({
    fr: `Le plugin « ${plugin} » demande le SDK ${range}, mais Préau fournit le SDK ${sdk}.`,
    en: `Plugin "${plugin}" requires SDK ${range}, but Préau provides SDK ${sdk}.`,
  }),
);
/** Two configured plugins share a name. */
export const PluginDuplicate = defineError(
  'PREAU_ERR_PLUGIN_DUPLICATE',
  500,
  (plugin: string, first: string, second: string) => ({
    fr: `Deux plugins s'appellent « ${plugin} » (${first} et ${second}) : aucun des deux n'est chargé. Retirez l'un d'eux de la configuration.`,
    en: `Two plugins are named "${plugin}" (${first} and ${second}): neither is loaded. Remove one of them from the configuration.`,
  }),
  (_plugin: string, first: string, second: string) => ({ sources: [first, second] }),
);
/** A plugin depends on a plugin that is not configured or did not load. */
export const PluginDependencyMissing = defineError(
  'PREAU_ERR_PLUGIN_DEPENDENCY_MISSING',
  500,
  (plugin: string, dependency: string) => ({
    fr: `Le plugin « ${plugin} » dépend de « ${dependency} », qui n'est pas disponible.`,
    en: `Plugin "${plugin}" depends on "${dependency}", which is not available.`,
  }),
);
/** Plugins depend on each other in a circle. */
export const PluginDependencyCycle = defineError('PREAU_ERR_PLUGIN_DEPENDENCY_CYCLE', 500, (cycle: string) => ({
  fr: `Dépendances circulaires entre plugins : ${cycle}`,
  en: `Circular dependency between plugins: ${cycle}`,
}));
/** A plugin's migration failed; everything it had done was rolled back. */
export const PluginMigrationFailed = defineError(
  'PREAU_ERR_PLUGIN_MIGRATION',
  500,
  (plugin: string, migration: string, reason: string) => ({
    fr: `La migration « ${migration} » du plugin « ${plugin} » a échoué et a été annulée : ${reason}`,
    en: `Migration "${migration}" of plugin "${plugin}" failed and was rolled back: ${reason}`,
  }),
);
/** A plugin's `routes()` threw. */
export const PluginRoutesFailed = defineError('PREAU_ERR_PLUGIN_ROUTES', 500, (plugin: string, reason: string) => ({
  fr: `Les routes du plugin « ${plugin} » n'ont pas pu être enregistrées : ${reason}`,
  en: `The routes of plugin "${plugin}" could not be registered: ${reason}`,
}));
/** A request reached a plugin that failed to start. */
export const PluginUnavailable = defineError('PREAU_ERR_PLUGIN_UNAVAILABLE', 503, (plugin: string) => ({
  fr: `L'application « ${plugin} » est indisponible pour le moment.`,
  en: `The app "${plugin}" is unavailable at the moment.`,
}));
/** A plugin's web entry could not be built. */
export const PluginWebBuildFailed = defineError('PREAU_ERR_PLUGIN_WEB_BUILD', 500, (plugin: string, reason: string) => ({
  fr: `L'interface du plugin « ${plugin} » n'a pas pu être construite : ${reason}`,
  en: `The web entry of plugin "${plugin}" could not be built: ${reason}`,
}));

// Apps per school
/** The app is not enabled for any of the user's schools today. */
export const AppDisabled = defineError('PREAU_ERR_APP_DISABLED', 403, (app: string) => ({
  fr: `L'application « ${app} » n'est pas activée pour votre école.`,
  en: `The app "${app}" is not enabled for your school.`,
}));
/** No plugin of that name is installed. */
export const AppUnknown = defineError('PREAU_ERR_APP_UNKNOWN', 404, (app: string) => ({
  fr: `Aucune application « ${app} » n'est installée.`,
  en: `No app "${app}" is installed.`,
}));

/** The app declares no such workflow right. */
export const RightUnknown = defineError('PREAU_ERR_RIGHT_UNKNOWN', 404, (app: string, right: string) => ({
  fr: `L'application « ${app} » n'a pas de droit « ${right} ».`,
  en: `App "${app}" has no right "${right}".`,
}));

// HTTP
/** The request does not match the route's schema. */
export const ValidationFailed = defineError(
  'PREAU_ERR_VALIDATION',
  400,
  (problems: readonly ValidationProblem[], _language: Language) => ({
    fr: problems.map((p) => p.messages.fr).join(' '),
    en: problems.map((p) => p.messages.en).join(' '),
  }),
  // Each failing field, told in the request's language, so a form can show the sentence beside its field.
  (problems: readonly ValidationProblem[], language: Language) =>
    problems.map((p) => ({ field: p.field, label: p.label[language], problem: p.messages[language] })),
);
/** No route matches the method and URL. */
export const RouteNotFound = defineError('PREAU_ERR_NOT_FOUND', 404, (method: string, url: string) => ({
  fr: `Aucune ressource ne correspond à ${method} ${url}.`,
  en: `Nothing matches ${method} ${url}.`,
}));
/** The request body is not valid JSON or is too large. */
export const BadRequest = defineError('PREAU_ERR_BAD_REQUEST', 400, (reason: string) => ({
  fr: `Requête mal formée : ${reason}`,
  en: `Malformed request: ${reason}`,
}));
/** A string of the request (path, query, body, multipart field or file name) holds a NUL character (U+0000). */
export const NulCharacterRefused = defineError(
  'PREAU_ERR_NUL_CHARACTER',
  400,
  (field: string) => ({
    fr: `Requête invalide : le caractère nul (U+0000) n'est pas accepté (${field}).`,
    en: `Invalid request: the NUL character (U+0000) is not accepted (${field}).`,
  }),
  (field: string) => [{ field, problem: 'must not contain U+0000' }],
);
/**
 * The database refused a value the route's schema let through (a number out of range, text it cannot read, a
 * reference to nothing). A safety net only: schemas are where input is checked, so this code in a test's
 * answers means a schema to tighten.
 */
export const InputRejected = defineError('PREAU_ERR_INPUT_REJECTED', 400, {
  fr: 'Requête invalide : une valeur envoyée est hors limites ou désigne un élément qui n’existe pas.',
  en: 'Invalid request: a value sent is out of range or names something that does not exist.',
});
/** An unexpected failure; the details are in the server log, never in the response. */
export const InternalError = defineError('PREAU_ERR_INTERNAL', 500, {
  fr: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
  en: 'An unexpected error occurred. Please try again in a moment.',
});

// Identity
/** The platform has no administrator yet: only the setup page is open. */
export const SetupRequired = defineError('PREAU_ERR_SETUP_REQUIRED', 503, {
  fr: "Préau n'est pas encore configuré : ouvrez le lien d'installation affiché au démarrage du serveur.",
  en: 'Préau is not set up yet: open the setup link printed when the server started.',
});
/** The setup token is wrong, used or expired. */
export const SetupTokenInvalid = defineError('PREAU_ERR_SETUP_TOKEN', 403, {
  fr: "Ce lien d'installation n'est pas valide ou a expiré. Redémarrez le serveur pour en obtenir un nouveau.",
  en: 'This setup link is invalid or has expired. Restart the server to get a new one.',
});
/** Setup was already done. */
export const SetupDone = defineError('PREAU_ERR_SETUP_DONE', 409, {
  fr: 'Préau est déjà configuré.',
  en: 'Préau is already set up.',
});
/** The request needs a signed-in user. */
export const Unauthenticated = defineError('PREAU_ERR_UNAUTHENTICATED', 401, {
  fr: 'Connectez-vous pour continuer.',
  en: 'Please sign in to continue.',
});
/** Login and password do not match (same answer whether or not the login exists). */
export const BadCredentials = defineError('PREAU_ERR_BAD_CREDENTIALS', 401, {
  fr: 'Identifiant ou mot de passe incorrect.',
  en: 'Wrong login or password.',
});
/** A cookie-authenticated write came without the session's CSRF token. */
export const CsrfRejected = defineError('PREAU_ERR_CSRF', 403, {
  fr: 'Requête refusée par la protection contre la falsification (CSRF). Rechargez la page.',
  en: 'Request refused by the cross-site request forgery protection. Reload the page.',
});
/**
 * The user lacks the profile, function or right the action needs. The action is given in both languages
 * (`Forbidden('gérer cette classe', 'manage this class')`): each message is written in one language only.
 */
export const Forbidden = defineError('PREAU_ERR_FORBIDDEN', 403, (action: string, actionInEnglish: string) => ({
  // French elides « de » before a vowel: « le droit d'utiliser », « le droit de gérer ».
  fr: `Vous n'avez pas le droit ${/^[aeiouyàâéèêîôû]/i.test(action) ? "d'" : 'de '}${action}.`,
  en: `You are not allowed to ${actionInEnglish}.`,
}));
/** The password does not meet the policy. */
export const PasswordTooWeak = defineError('PREAU_ERR_PASSWORD_WEAK', 400, (minLength: number) => ({
  fr: `Le mot de passe doit contenir au moins ${minLength} caractères et ne pas être trop courant.`,
  en: `The password needs at least ${minLength} characters and must not be a common one.`,
}));

/** Too many failed sign-ins for this account, or for this account from this address: wait before trying again. */
export const SignInLocked = defineError(
  'PREAU_ERR_SIGN_IN_LOCKED',
  429,
  (retryAfterSeconds: number) => ({
    fr: `Trop de tentatives. Réessayez dans ${Math.ceil(retryAfterSeconds / 60)} minute(s), ou demandez à l'école de débloquer le compte.`,
    en: `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s), or ask the school to unlock the account.`,
  }),
  (retryAfterSeconds: number) => ({ retryAfterSeconds }),
);
/**
 * A failed sign-in from an address where many fail (a school's shared address under a spraying attack, or many
 * typos): the next attempt from there should wait. A right password from the same address is never refused.
 */
export const SignInSlowed = defineError(
  'PREAU_ERR_SIGN_IN_SLOWED',
  429,
  (retryAfterSeconds: number) => ({
    fr: `Identifiant, mot de passe ou code incorrect. Beaucoup de tentatives échouent depuis votre réseau : attendez ${retryAfterSeconds} seconde(s) avant de réessayer.`,
    en: `Wrong login, password or code. Many attempts fail from your network: wait ${retryAfterSeconds} second(s) before trying again.`,
  }),
  (retryAfterSeconds: number) => ({ retryAfterSeconds }),
);
/**
 * An attempt from an address that must wait (many failures from it lately) for a login never signed in from
 * there: refused before the password is checked, so that a sprayer learns nothing until the wait is over.
 */
export const SignInWait = defineError(
  'PREAU_ERR_SIGN_IN_WAIT',
  429,
  (retryAfterSeconds: number) => ({
    fr: `Beaucoup de tentatives échouent depuis votre réseau : attendez ${retryAfterSeconds} seconde(s) puis réessayez.`,
    en: `Many attempts fail from your network: wait ${retryAfterSeconds} second(s), then try again.`,
  }),
  (retryAfterSeconds: number) => ({ retryAfterSeconds }),
);
/** The login and activation code do not match, or the code expired or was replaced (one answer for all). */
export const ActivationCodeInvalid = defineError('PREAU_ERR_ACTIVATION_CODE', 401, {
  fr: "Identifiant ou code d'activation incorrect, ou code expiré. Demandez un nouveau code à l'enseignant ou à la direction.",
  en: 'Wrong login or activation code, or the code has expired. Ask the teacher or the school office for a new code.',
});
/** Activation needs the charter to be accepted. */
export const CharterNotAccepted = defineError('PREAU_ERR_CHARTER', 400, {
  fr: "Acceptez la charte d'utilisation pour activer votre compte.",
  en: 'Accept the terms of use to activate your account.',
});
/** The password reset link is wrong, used or expired. */
export const ResetLinkInvalid = defineError('PREAU_ERR_RESET_LINK', 400, {
  fr: "Ce lien de réinitialisation n'est pas valide ou a expiré. Faites une nouvelle demande.",
  en: 'This reset link is invalid or has expired. Please ask for a new one.',
});
/** The current password given to change it is wrong. */
export const CurrentPasswordWrong = defineError('PREAU_ERR_CURRENT_PASSWORD', 400, {
  fr: 'Le mot de passe actuel est incorrect.',
  en: 'The current password is wrong.',
});
/** The email confirmation link is wrong, used, replaced by a newer one or expired. */
export const EmailLinkInvalid = defineError('PREAU_ERR_EMAIL_LINK', 400, {
  fr: "Ce lien de confirmation n'est pas valide ou a expiré. Refaites la demande depuis « Mon compte ».",
  en: 'This confirmation link is invalid or has expired. Ask again from “My account”.',
});
/** An administrator tried to set the email of an account its owner has activated: only the owner changes it. */
export const EmailOwnedByPerson = defineError('PREAU_ERR_EMAIL_OWNED', 403, {
  fr: "Seule la personne change l'adresse électronique d'un compte déjà activé, depuis « Mon compte » et avec son mot de passe.",
  en: 'Only the person changes the email address of an account already activated, from “My account” and with their password.',
});
/** A teacher asked for a new code for an account already activated: resetting an access is the school administrators' action. */
export const AccessResetNeedsAdmin = defineError('PREAU_ERR_ACCESS_RESET_ADMIN', 403, {
  fr: "Ce compte est déjà activé : seule la direction (ou l'administrateur local) peut réinitialiser son accès.",
  en: 'This account is already activated: only the school office (or the local administrator) can reset its access.',
});
/** No user has that id in a school the caller administers. */
export const UserNotFound = defineError('PREAU_ERR_USER_NOT_FOUND', 404, {
  fr: 'Utilisateur introuvable.',
  en: 'User not found.',
});
/** The session to revoke does not exist or belongs to someone else. */
export const SessionNotFound = defineError('PREAU_ERR_SESSION_NOT_FOUND', 404, {
  fr: 'Session introuvable.',
  en: 'Session not found.',
});

// Structure
/** No school has that id (or the caller may not see it). */
export const SchoolNotFound = defineError('PREAU_ERR_SCHOOL_NOT_FOUND', 404, (school: string) => ({
  fr: `École introuvable : ${school}.`,
  en: `School not found: ${school}.`,
}));
/** A school with that UAI code already exists. */
export const SchoolExists = defineError('PREAU_ERR_SCHOOL_EXISTS', 409, (uai: string) => ({
  fr: `Une école porte déjà le code UAI ${uai}.`,
  en: `A school with UAI code ${uai} already exists.`,
}));
/** No class has that id in the school. */
export const ClassNotFound = defineError('PREAU_ERR_CLASS_NOT_FOUND', 404, {
  fr: 'Classe introuvable.',
  en: 'Class not found.',
});
/** No group has that id in the school, or it is a derived group that cannot be edited by hand. */
export const GroupNotFound = defineError('PREAU_ERR_GROUP_NOT_FOUND', 404, {
  fr: 'Groupe introuvable (les groupes calculés à partir des classes ne se modifient pas à la main).',
  en: 'Group not found (groups derived from classes cannot be edited by hand).',
});
/** No import preview has that id, or it was already applied or discarded. */
export const ImportNotFound = defineError('PREAU_ERR_IMPORT_NOT_FOUND', 404, {
  fr: "Aperçu d'import introuvable, ou déjà appliqué.",
  en: 'Import preview not found, or already applied.',
});
/** The import preview is older than the school's data (another import ran since): preview again. */
export const ImportStale = defineError('PREAU_ERR_IMPORT_STALE', 409, {
  fr: "Les données de l'école ont changé depuis cet aperçu (un autre import a eu lieu). Relancez l'aperçu.",
  en: "The school's data changed since this preview (another import ran). Preview again.",
});
/** Slips asked to be printed again with codes that are no longer the people's current ones. */
export const SlipCodesOutdated = defineError('PREAU_ERR_SLIP_CODES_OUTDATED', 409, {
  fr: "Ces fiches ne sont plus valables : de nouveaux codes ont été donnés depuis. Imprimez un nouveau lot de fiches.",
  en: 'These slips are no longer valid: new codes were issued since. Print a new batch of slips.',
});
/** No transfer request has that id, or it was decided already. */
export const TransferRequestNotFound = defineError('PREAU_ERR_TRANSFER_REQUEST_NOT_FOUND', 404, {
  fr: 'Demande de transfert introuvable, ou déjà traitée.',
  en: 'Transfer request not found, or already decided.',
});
/** The demo refuses to run on a database that holds real schools. */
export const DemoRefused = defineError('PREAU_ERR_DEMO_REFUSED', 409, {
  fr: 'Cette base contient déjà des écoles : la démonstration ne la modifie pas (ajoutez --force pour passer outre).',
  en: 'This database already holds schools: the demo leaves it alone (add --force to override).',
});
/** No gateway has that id, or it is not in a state that allows the action. */
export const GatewayNotFound = defineError('PREAU_ERR_GATEWAY_NOT_FOUND', 404, {
  fr: 'Passerelle introuvable, ou déjà traitée.',
  en: 'Gateway not found, or already handled.',
});
/** A rule or gateway names a group of another school. */
export const GroupOutsideSchool = defineError('PREAU_ERR_GROUP_OUTSIDE_SCHOOL', 400, {
  fr: "Un des groupes choisis n'appartient pas à l'école concernée.",
  en: 'One of the chosen groups does not belong to the school concerned.',
});
/** The teachers and staff CSV cannot be read. */
export const StaffFileInvalid = defineError('PREAU_ERR_STAFF_FILE', 422, (reason: string) => ({
  fr: `Fichier des enseignants illisible : ${reason}. Colonnes attendues : civilité ; nom ; prénom ; courriel ; classes ; directeur.`,
  en: `Unreadable staff file: ${reason}. Expected columns: civilité; nom; prénom; courriel; classes; directeur.`,
}));
/** A date range whose end precedes its start. */
export const DateRangeInvalid = defineError('PREAU_ERR_DATE_RANGE', 400, {
  fr: 'La date de fin précède la date de début.',
  en: 'The end date is before the start date.',
});

// Notifications
/** A plugin sent a notification of a type its manifest does not declare (a programming error of the plugin). */
export const NotificationTypeUnknown = defineError('PREAU_ERR_NOTIFICATION_TYPE_UNKNOWN', 500, (type: string) => ({
  fr: `Type de notification non déclaré : « ${type} ».`,
  en: `Undeclared notification type: "${type}".`,
}));
/** The timeline has no such item for this user (or it is someone else's). */
export const NotificationNotFound = defineError('PREAU_ERR_NOTIFICATION_NOT_FOUND', 404, {
  fr: 'Notification introuvable.',
  en: 'Notification not found.',
});
/** An unsubscribe link was altered or cut. */
export const UnsubscribeLinkInvalid = defineError('PREAU_ERR_UNSUBSCRIBE_LINK', 400, {
  fr: 'Ce lien de désinscription est invalide ou incomplet.',
  en: 'This unsubscribe link is invalid or incomplete.',
});
/** Notification preferences name a type that no active app declares. */
export const NotificationPreferenceInvalid = defineError('PREAU_ERR_NOTIFICATION_PREFERENCE', 400, (type: string) => ({
  fr: `Type de notification inconnu : « ${type} ».`,
  en: `Unknown notification type: "${type}".`,
}));
/** A device's push subscription is malformed, or points at a push service the configuration does not allow. */
export const PushSubscriptionInvalid = defineError('PREAU_ERR_PUSH_SUBSCRIPTION', 400, (fr: string, en: string) => ({
  fr: `Abonnement aux notifications de l'appareil refusé : ${fr}.`,
  en: `Device notification subscription refused: ${en}.`,
}));
/** The device to remove is unknown or belongs to someone else. */
export const PushSubscriptionNotFound = defineError('PREAU_ERR_PUSH_SUBSCRIPTION_NOT_FOUND', 404, {
  fr: 'Appareil introuvable.',
  en: 'Device not found.',
});
/** Push notifications are turned off on this server. */
export const PushDisabled = defineError('PREAU_ERR_PUSH_DISABLED', 404, {
  fr: "Les notifications sur l'appareil ne sont pas activées sur ce serveur.",
  en: 'Device notifications are not enabled on this server.',
});
/** A WebSocket was opened from a page of another site. */
export const WebSocketOriginRefused = defineError('PREAU_ERR_WS_ORIGIN', 403, {
  fr: "Connexion en direct refusée : elle ne vient pas d'une page de Préau.",
  en: 'Live connection refused: it does not come from a Préau page.',
});
/** A plugin called `notify.send` with a resource that is not `{ app, id, url: '/…' }` (a programming error). */
export const NotificationInvalid = defineError('PREAU_ERR_NOTIFICATION_INVALID', 500, (reason: string) => ({
  fr: `Notification invalide : ${reason}.`,
  en: `Invalid notification: ${reason}.`,
}));

// Storage
/** A file is larger than the configured per-upload limit; nothing was kept. */
export const StorageTooLarge = defineError(
  'PREAU_ERR_STORAGE_TOO_LARGE',
  413,
  (limitBytes: number) => ({
    fr: `Le fichier dépasse la taille maximale autorisée (${Math.round(limitBytes / 1048576)} Mo).`,
    en: `The file is larger than the allowed maximum (${Math.round(limitBytes / 1048576)} MB).`,
  }),
  (limitBytes: number) => ({ limitBytes }),
);
/** Storing the file would pass the owner's quota; nothing was kept. */
export const StorageQuotaExceeded = defineError(
  'PREAU_ERR_STORAGE_QUOTA',
  413,
  (used: number, quota: number) => ({
    fr: `Votre espace de stockage est plein (${Math.round(used / 1048576)} Mo utilisés sur ${Math.round(quota / 1048576)} Mo). Supprimez des fichiers pour en ajouter.`,
    en: `Your storage is full (${Math.round(used / 1048576)} MB used of ${Math.round(quota / 1048576)} MB). Delete files to add more.`,
  }),
  (used: number, quota: number) => ({ used, quota }),
);
/** A quota above the platform's maximum (20 GiB), of a profile or of a person. */
export const StorageQuotaAboveMax = defineError(
  'PREAU_ERR_STORAGE_QUOTA_ABOVE_MAX',
  400,
  (maxBytes: number) => ({
    fr: `Un espace de stockage ne peut pas dépasser ${maxBytes / 1024 ** 3} Go.`,
    en: `A storage quota cannot exceed ${maxBytes / 1024 ** 3} GB.`,
  }),
  (maxBytes: number) => ({ maxBytes }),
);
/** A school raises a person's quota; it cannot lower it below their profile's. */
export const StorageQuotaBelowProfile = defineError(
  'PREAU_ERR_STORAGE_QUOTA_BELOW_PROFILE',
  400,
  (profileBytes: number) => ({
    fr: `L’espace d’une personne ne peut qu’être augmenté : choisissez au moins celui de son profil (${Math.round((profileBytes / 1024 ** 3) * 10) / 10} Go), ou revenez au quota du profil.`,
    en: `A person's quota can only be raised: choose at least their profile's (${Math.round((profileBytes / 1024 ** 3) * 10) / 10} GB), or go back to the profile's quota.`,
  }),
  (profileBytes: number) => ({ profileBytes }),
);
/** No such file (or not one the user may read). */
export const StorageNotFound = defineError('PREAU_ERR_STORAGE_NOT_FOUND', 404, {
  fr: 'Fichier introuvable.',
  en: 'File not found.',
});
/** An upload was expected as multipart/form-data with at least one file. */
export const StorageUploadInvalid = defineError('PREAU_ERR_STORAGE_UPLOAD', 400, (reason: string) => ({
  fr: `Envoi de fichier invalide : ${reason}.`,
  en: `Invalid file upload: ${reason}.`,
}));
/** A text points at a file its author may not read (not theirs, not shared with them). */
export const InsertedFileRefused = defineError('PREAU_ERR_INSERTED_FILE', 403, {
  fr: 'Vous ne pouvez pas insérer ce fichier : il ne vous appartient pas et ne vous est pas partagé.',
  en: 'You cannot insert this file: it is neither yours nor shared with you.',
});
/** The file store (disk or S3) failed. */
export const StorageUnavailable = defineError('PREAU_ERR_STORAGE_UNAVAILABLE', 503, {
  fr: 'Le stockage des fichiers est indisponible pour le moment.',
  en: 'File storage is unavailable at the moment.',
});

/** A window of days for the calendars' dated items: from before to, at most about two months. */
export const DatedItemsWindowInvalid = defineError('PREAU_ERR_DATED_ITEMS_WINDOW', 400, {
  fr: 'Période incorrecte : la fin doit suivre le début, sur 62 jours au plus.',
  en: 'Wrong period: the end must follow the start, over 62 days at most.',
});
