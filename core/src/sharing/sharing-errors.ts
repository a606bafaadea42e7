/**
 * The coded errors of resource sharing (`services.sharing` and `/api/core/shares/…`). Those a person can meet
 * in the share dialog are written for them; the others tell a plugin's author what their code did wrong.
 */
import { defineError } from '@preau/sdk';

/** Not registered, not of a declared type, or the user has no role on it: the same answer, so nothing leaks. */
export const ShareNotFound = defineError('PREAU_ERR_SHARE_NOT_FOUND', 404, {
  fr: 'Élément introuvable, ou vous n’y avez pas accès.',
  en: 'Item not found, or you have no access to it.',
});
/** The user may see the resource but not change who it is shared with. */
export const ShareManageRequired = defineError('PREAU_ERR_SHARE_MANAGE_REQUIRED', 403, {
  fr: 'Seuls le propriétaire et les gestionnaires de cet élément peuvent voir et modifier son partage.',
  en: 'Only the owner and the managers of this item may see and change who it is shared with.',
});
/** Some grantees are outside the sharer's reach (communication rules), or do not exist. */
export const ShareRecipientsRefused = defineError(
  'PREAU_ERR_SHARE_RECIPIENTS_REFUSED',
  403,
  {
    fr: 'Vous ne pouvez pas partager avec certaines de ces personnes ou de ces groupes (règles de communication de l’école). Rien n’a été partagé.',
    en: 'You may not share with some of these people or groups (the school’s communication rules). Nothing was shared.',
  },
  (refused: { users: number[]; groups: number[] }) => refused,
);
/** A share with nobody. */
export const ShareNoRecipient = defineError('PREAU_ERR_SHARE_NO_RECIPIENT', 400, {
  fr: 'Choisissez au moins une personne ou un groupe.',
  en: 'Choose at least one person or group.',
});
/** The grant to remove does not exist on this resource. */
export const ShareGrantNotFound = defineError('PREAU_ERR_SHARE_GRANT_NOT_FOUND', 404, {
  fr: 'Ce partage n’existe pas (il a peut-être déjà été retiré).',
  en: 'This share does not exist (it may have been removed already).',
});
/** Moving a resource into itself or into something it contains. */
export const ShareCycle = defineError('PREAU_ERR_SHARE_CYCLE', 409, {
  fr: 'Impossible de déplacer un élément dans lui-même ou dans l’un des éléments qu’il contient.',
  en: 'An item cannot be moved into itself or into one of the items it contains.',
});
/** A plugin named a resource (or a parent) it never registered. */
export const ShareResourceUnknown = defineError('PREAU_ERR_SHARE_RESOURCE_UNKNOWN', 404, (what: string) => ({
  fr: `Élément de partage inconnu : ${what} (enregistrez-le d’abord avec sharing.register).`,
  en: `Unknown shared item: ${what} (register it first with sharing.register).`,
}));
/** A plugin used a type it does not declare in its manifest's `sharing`, or an id that cannot be one. */
export const ShareResourceInvalid = defineError('PREAU_ERR_SHARE_RESOURCE_INVALID', 400, (reason: string) => ({
  fr: `Élément de partage invalide : ${reason}`,
  en: `Invalid shared item: ${reason}`,
}));
/** A role that is not one of the resource type's list. */
export const ShareRoleUnknown = defineError(
  'PREAU_ERR_SHARE_ROLE_UNKNOWN',
  400,
  (role: string, roles: readonly string[]) => ({
    fr: `Rôle de partage inconnu : « ${role} » (rôles possibles : ${roles.join(', ')}).`,
    en: `Unknown sharing role: "${role}" (possible roles: ${roles.join(', ')}).`,
  }),
  (role: string, roles: readonly string[]) => ({ role, roles: [...roles] }),
);
