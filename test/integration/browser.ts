import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the flags that keep it off the network it cannot reach here (and `extraArgs`,
 * e.g. the fake camera and microphone).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PREAU_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** Someone who signs in with a login and a password. */
export interface BrowserUser {
  login: string;
  password: string;
}

/**
 * Signs `user` in through the sign-in form, in a new browser context of their own (or in `context` when one is
 * given), and waits for the home page (the sign-in form has a level-1 heading too). Page errors are collected in
 * `errors` when given.
 */
export async function signIn(from: Browser | BrowserContext, address: string, user: BrowserUser, errors?: string[]): Promise<Page> {
  const page = await ('newContext' in from ? await from.newContext() : from).newPage();
  if (errors) page.on('pageerror', (error) => errors.push(`${user.login}: ${error.message}`));
  await page.goto(address);
  await page.getByLabel('Identifiant').fill(user.login);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Accueil', level: 1 }).waitFor();
  return page;
}
