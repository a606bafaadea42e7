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

/** The link that confirms a new address, sent to that address. */
export function emailConfirmationEmail(input: { to: string; name: string; link: string; hours: number; language: Language }): Mail {
  if (input.language === 'en') {
    return {
      to: input.to,
      subject: 'Préau: confirm your new email address',
      text: `Hello ${input.name},\n\nTo use this address for your Préau account, open this link (valid ${input.hours} hours, once):\n${input.link}\n\nUntil then your account keeps its previous address. If you did not ask for this, ignore this message.\n`,
    };
  }
  return {
    to: input.to,
    subject: 'Préau : confirmez votre nouvelle adresse électronique',
    text: `Bonjour ${input.name},\n\nPour utiliser cette adresse pour votre compte Préau, ouvrez ce lien (valable ${input.hours} heures, une seule fois) :\n${input.link}\n\nD'ici là, votre compte garde son adresse actuelle. Si vous n'avez rien demandé, ignorez ce message.\n`,
  };
}

/** Warns the current address that someone asked to replace it (or removed it), from a signed-in session. */
export function emailChangeNoticeEmail(input: { to: string; name: string; newEmail: string | null; at: Date; language: Language }): Mail {
  const when = parisDateTime(input.at, input.language);
  if (input.language === 'en') {
    const what = input.newEmail
      ? `someone asked to replace the email address of your Préau account with ${input.newEmail}. The change happens only when the link sent to that address is opened.`
      : 'the email address was removed from your Préau account.';
    return {
      to: input.to,
      subject: 'Préau: the email address of your account',
      text: `Hello ${input.name},\n\nOn ${when} (Paris time), ${what}\n\nIf it was not you, change your password at once (My account) and tell the school.\n`,
    };
  }
  const what = input.newEmail
    ? `une demande a été faite pour remplacer l'adresse électronique de votre compte Préau par ${input.newEmail}. Le changement n'a lieu que si le lien envoyé à cette adresse est ouvert.`
    : "l'adresse électronique de votre compte Préau a été retirée.";
  return {
    to: input.to,
    subject: 'Préau : l’adresse électronique de votre compte',
    text: `Bonjour ${input.name},\n\nLe ${when} (heure de Paris), ${what}\n\nSi ce n'est pas vous, changez tout de suite votre mot de passe (Mon compte) et prévenez l'école.\n`,
  };
}
