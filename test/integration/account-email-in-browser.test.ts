import t from 'tap';
import { createTestPlatform, startSmtpSink } from '@preau/core/testing';
import { launchChromium, signIn } from './browser.js';

t.test('a parent changes their email from « Mon compte » with their password, then confirms it from the link mailed to the new address', async (t) => {
  const smtp = await startSmtpSink();
  t.teardown(() => smtp.close());
  const platform = await createTestPlatform({ buildWeb: true, config: { smtp: { url: smtp.url }, server: { publicUrl: 'https://ent.ecole.test' } } });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], login: 'lucie.simon' });
  await platform.knex('core.users').where({ id: parent.id }).update({ email: 'ancienne@example.fr' });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];
  const page = await signIn(browser, address, parent, errors);
  await page.setViewportSize({ width: 360, height: 740 });

  await page.goto(`${address}/account`);
  const section = page.getByRole('region', { name: 'Adresse électronique' });
  await section.getByText('ancienne@example.fr').waitFor();
  await section.getByLabel('Nouvelle adresse électronique').fill('nouvelle@example.fr');
  await section.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot');
  await section.getByRole('button', { name: "Changer d'adresse" }).click();
  await section.getByRole('alert').filter({ hasText: 'Le mot de passe actuel est incorrect.' }).waitFor();
  t.equal(smtp.mails.length, 0, 'nothing mailed without the password');

  await section.getByLabel('Mot de passe actuel').fill(parent.password);
  await section.getByRole('button', { name: "Changer d'adresse" }).click();
  await section.getByRole('status').filter({ hasText: 'Un lien de confirmation a été envoyé à nouvelle@example.fr' }).waitFor();
  await section.getByText('En attente de confirmation').waitFor();
  t.ok(await section.getByText('ancienne@example.fr').isVisible(), 'the current address is still the old one');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  t.ok(overflow <= 0, `the account page fits a 360 px phone (overflow ${overflow}px)`);

  const link = await smtp.next();
  t.same(link.to, ['nouvelle@example.fr']);
  t.same((await smtp.next()).to, ['ancienne@example.fr'], 'the old address is told');
  const path = /https:\/\/ent\.ecole\.test(\/email-confirm\?token=[\w%-]+)/.exec(link.text)![1]!;
  await page.goto(`${address}${path}`);
  await page.getByRole('status').filter({ hasText: 'Adresse confirmée : votre compte utilise désormais nouvelle@example.fr.' }).waitFor();
  t.equal((await platform.knex('core.users').where({ id: parent.id }).first('email')).email, 'nouvelle@example.fr');

  await page.getByRole('link', { name: 'Aller à « Mon compte »' }).click();
  await section.getByText('nouvelle@example.fr').waitFor();
  t.equal(await section.getByText('En attente de confirmation').count(), 0, 'nothing waits any more');
  t.same(errors, [], 'no script error on the way');
});
