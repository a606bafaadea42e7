import { text, type Language } from '../i18n.js';

/** The name of an account's state: « En attente d'activation », « Activé », « Bloqué ». */
export function stateName(state: string, language: Language): string {
  if (state === 'pending') return text('statePending', language);
  if (state === 'active') return text('stateActive', language);
  if (state === 'blocked') return text('stateBlocked', language);
  if (state === 'left') return text('stateLeft', language);
  return state;
}
