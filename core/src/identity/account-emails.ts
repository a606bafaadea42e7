import type { Language } from '@preau/sdk';
import type { Mail } from '../mail/mailer.js';

// Built once: a formatter with a time zone costs about 100 µs to create.
const DATE_TIME: Record<Language, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }),
};

/** An instant as people in France read it: « 26 novembre 2026 à 10:00 », Paris time whatever the server's zone. */
export function parisDateTime(at: Date, language: Language): string {
  return DATE_TIME[language].format(at);
}

/** Tells someone that a school's administrator reset their access (a new code; their sessions ended). */
export function accessResetEmail(input: { to: string; name: string; actor: string; school: string; at: Date; language: Language; publicUrl: string }): Mail {
  const when = parisDateTime(input.at, input.language);
  if (input.language === 'en') {
    return {
      to: input.to,
      subject: 'Préau: your access was reset',
      text: `Hello ${input.name},\n\nYour access was reset by ${input.actor} (${input.school}) on ${when} (Paris time): a new activation code was issued in your name and your open sessions were closed.\n\nIf you did not ask for this, contact the school.\n\n${input.publicUrl}/\n`,
    };
  }
  return {
    to: input.to,
    subject: 'Préau : votre accès a été réinitialisé',
    text: `Bonjour ${input.name},\n\nVotre accès a été réinitialisé par ${input.actor} (${input.school}) le ${when} (heure de Paris) : un nouveau code d'activation a été émis à votre nom et vos sessions ouvertes ont été fermées.\n\nSi vous ne l'avez pas demandé, prévenez l'école.\n\n${input.publicUrl}/\n`,
  };
}
