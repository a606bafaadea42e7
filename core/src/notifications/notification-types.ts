import type { Delivery, LocalizedText, NotificationTypeDeclaration, Profile } from '@preau/sdk';
import type { PluginRegistry } from '../plugins/plugin-registry.js';

/** A notification type some app declares, with the app's title (for the preferences page). */
export interface DeclaredType {
  app: string;
  type: string;
  appTitle: LocalizedText;
  declaration: NotificationTypeDeclaration;
}

const CORE_TITLE: LocalizedText = { fr: 'Préau', en: 'Préau' };

/** The core's own notification types (`resource.app: 'core'`). */
export const CORE_NOTIFICATION_TYPES: Readonly<Record<string, NotificationTypeDeclaration>> = {
  'gateway-proposed': {
    title: { fr: 'Passerelle proposée entre deux écoles', en: 'Gateway proposed between two schools' },
    message: { fr: '{actor} propose une passerelle avec {school}', en: '{actor} proposes a gateway with {school}' },
    defaultDelivery: 'immediate',
    // Gateways are between school administrators: directors (teachers) and local administrators (personnel).
    profiles: ['Teacher', 'Personnel'],
  },
  'gateway-answered': {
    title: { fr: "Réponse à une proposition de passerelle", en: 'Answer to a gateway proposal' },
    // `answerFr` / `answerEn`: « accepté » / "accepted", « refusé » / "refused": the proposer learns which.
    message: { fr: '{actor} a {answerFr} la passerelle avec {school}', en: '{actor} {answerEn} the gateway with {school}' },
    defaultDelivery: 'daily',
    profiles: ['Teacher', 'Personnel'],
  },
  'gateway-closed': {
    title: { fr: 'Passerelle fermée par l’autre école', en: 'Gateway closed by the other school' },
    message: { fr: '{actor} a fermé la passerelle avec {school}', en: '{actor} closed the gateway with {school}' },
    defaultDelivery: 'immediate',
    profiles: ['Teacher', 'Personnel'],
  },
  // Sent by the sharing service for every app: `whatFr` / `whatEn` name the thing ("un dossier « Sorties »").
  'shared-with-you': {
    title: { fr: 'Un document, un dossier ou une page partagé avec vous', en: 'A document, folder or page shared with you' },
    message: { fr: '{actor} a partagé {whatFr} avec vous', en: '{actor} shared {whatEn} with you' },
    defaultDelivery: 'daily',
  },
  'storage-quota-warning': {
    title: { fr: 'Espace de stockage presque plein', en: 'Storage almost full' },
    message: { fr: 'Votre espace de stockage est rempli à {percent} %', en: 'Your storage is {percent}% full' },
    defaultDelivery: 'immediate',
  },
};

/** Every type the core and the active plugins declare, the core's first. */
export function declaredTypes(registry: PluginRegistry | undefined): DeclaredType[] {
  const types: DeclaredType[] = Object.entries(CORE_NOTIFICATION_TYPES).map(([type, declaration]) => ({ app: 'core', type, appTitle: CORE_TITLE, declaration }));
  for (const record of registry?.active() ?? []) {
    for (const [type, declaration] of Object.entries(record.manifest?.notifications ?? {})) {
      types.push({ app: record.name, type, appTitle: record.manifest!.title, declaration });
    }
  }
  return types;
}

/** The declared type `app`/`type`, when the core or an active plugin declares it. */
export function findType(registry: PluginRegistry | undefined, app: string, type: string): DeclaredType | undefined {
  if (app === 'core') {
    const declaration = CORE_NOTIFICATION_TYPES[type];
    return declaration ? { app, type, appTitle: CORE_TITLE, declaration } : undefined;
  }
  const record = registry?.get(app);
  if (record?.state !== 'active') return undefined;
  const declaration = record.manifest?.notifications?.[type];
  return declaration ? { app, type, appTitle: record.manifest!.title, declaration } : undefined;
}

/** The academy's overrides of one type's defaults: per profile, and for every profile (`all`). */
export interface AcademyDefaults {
  all?: Delivery;
  byProfile: Partial<Record<Profile, Delivery>>;
}

/** What a user gets when they chose nothing: the academy's choice, else the manifest's (per profile, then for all). */
export function defaultDelivery(declared: DeclaredType, profile: Profile, academy?: AcademyDefaults): Delivery {
  if (declared.declaration.timelineOnly) return 'never';
  return academy?.byProfile[profile] ?? academy?.all ?? declared.declaration.deliveryByProfile?.[profile] ?? declared.declaration.defaultDelivery;
}

/**
 * What a user gets: nothing by email for a timeline-only type or when they turned email off altogether,
 * else their own choice for the type, else the default.
 */
export function effectiveDelivery(
  declared: DeclaredType,
  profile: Profile,
  chosen: { type?: Delivery | null; allOff?: boolean },
  academy?: AcademyDefaults,
): Delivery {
  if (declared.declaration.timelineOnly || chosen.allOff) return 'never';
  return chosen.type ?? defaultDelivery(declared, profile, academy);
}
