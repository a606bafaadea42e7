import t from 'tap';
import lunchMenu from '@preau/example-lunch-menu';
import { createTestPlatform } from '@preau/core/testing';
import { launchChromium } from './browser.js';

t.test("a director switches an app off for the school and it leaves the parents' launcher at once", async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Victor Hugo' });
  await platform.createUser({ profile: 'Teacher', schools: [school], login: 'claire.moreau', functions: [{ function: 'director', schoolId: school.id }] });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], login: 'ines.petit' });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];
  const signIn = async (login: string) => {
    const page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(address);
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill(parent.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    return page;
  };

  const family = await signIn('ines.petit');
  await family.getByRole('link', { name: /Menu de la cantine/ }).waitFor();

  const director = await signIn('claire.moreau');
  await director.getByRole('link', { name: 'Administration' }).click();
  await director.getByRole('link', { name: 'École Victor Hugo' }).click();
  await director.getByRole('link', { name: 'Applications' }).click();
  await director.getByLabel('Activer Menu de la cantine').uncheck();
  await director.getByRole('table').getByRole('button', { name: 'Enregistrer' }).click();
  await director.getByText('Menu de la cantine : réglage enregistré.').waitFor();
  t.ok(await director.getByRole('cell', { name: 'Désactivée' }).isVisible(), 'the table says it is off today');

  await family.reload();
  await family.getByText("Aucune application n'est activée pour votre école.").waitFor();
  t.equal(await family.getByRole('link', { name: /Menu de la cantine/ }).count(), 0, 'gone from the launcher, no restart');
  const response = await platform.as({ id: parent.id, login: parent.login, displayName: '', profile: 'Relative', password: '' }).inject(`/api/lunch-menu/schools/${school.id}/weeks/2026-W48`);
  t.equal(response.statusCode, 403, "and its routes refuse the school's users");

  // The same tab gives a right to another profile, for this school only.
  const publish = director.getByRole('group', { name: 'Publier le menu — Menu de la cantine' });
  await publish.getByLabel('Responsable légal').check();
  await publish.getByRole('button', { name: 'Enregistrer' }).click();
  await director.getByText('« Publier le menu — Menu de la cantine » : droit enregistré.').waitFor();
  const rights = await platform.knex('core.school_rights').where({ school_id: school.id }).first('app', 'right', 'profiles');
  t.same(rights, { app: 'lunch-menu', right: 'publish', profiles: ['Teacher', 'Relative', 'Personnel'] }, 'parents may publish the menu in this school');
  await publish.getByRole('button', { name: 'Rétablir le réglage par défaut' }).click();
  await publish.getByRole('button', { name: 'Rétablir le réglage par défaut' }).waitFor({ state: 'detached' });
  t.equal(await platform.knex('core.school_rights').count<{ count: number }[]>('* as count').then((r) => Number(r[0]!.count)), 0, 'and back to the default');
  t.same(errors, []);
});
