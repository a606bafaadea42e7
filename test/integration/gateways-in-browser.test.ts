import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import messaging from '@preau/plugin-messaging';
import { launchChromium, signIn } from './browser.js';

t.test('two directors open a gateway they can follow: the other school named as its UAI is typed, each side named, acceptance confirmed, and its teachers then show their school', async (t) => {
  const platform = await createTestPlatform({ plugins: [messaging], buildWeb: true });
  t.teardown(() => platform.close());
  const a = await platform.createSchool({ uai: '0161111A', name: 'École des Lilas', city: 'Tulle' });
  const b = await platform.createSchool({ uai: '0162222B', name: 'École du Port', city: 'Cognac' });
  const directorA = await platform.createUser({ profile: 'Teacher', schools: [a], functions: [{ function: 'director', schoolId: a.id }], displayName: 'ROUX Anne' });
  const directorB = await platform.createUser({ profile: 'Teacher', schools: [b], functions: [{ function: 'director', schoolId: b.id }], displayName: 'MOREL Luc' });
  await platform.createUser({ profile: 'Teacher', schools: [b], displayName: 'MARTIN Claire' });
  await platform.createUser({ profile: 'Teacher', schools: [a], displayName: 'MARTIN Claire' });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  const pageA = await signIn(browser, address, directorA, errors);
  pageA.on('dialog', (dialog) => void dialog.accept());
  await pageA.goto(`${address}/admin/schools/${a.id}/communication`);
  await pageA.getByLabel('Code UAI de l’autre école').fill('0162222b');
  await pageA.getByText('École trouvée : École du Port (Cognac)').waitFor();
  t.pass('the other school and its town are named before sending');
  await pageA.getByRole('checkbox', { name: 'Enseignants' }).check();
  await pageA.getByRole('button', { name: 'Proposer la passerelle' }).click();
  await pageA.getByText(/Passerelle proposée à École du Port/).waitFor();

  const pageB = await signIn(browser, address, directorB, errors);
  const dialogs: string[] = [];
  pageB.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await pageB.goto(`${address}/admin/schools/${b.id}/communication`);
  const row = pageB.getByRole('row').filter({ hasText: 'École des Lilas' });
  await row.getByText("Enseignants de l'école (École des Lilas)").waitFor();
  t.ok(await row.getByText("Enseignants de l'école (École du Port)").isVisible(), 'each side of the pair names its school');
  await row.getByRole('button', { name: /^Accepter/ }).click();
  await pageB.getByText('Passerelle avec École des Lilas ouverte.').waitFor();
  t.match(dialogs[0], /Accepter la passerelle avec École des Lilas \?/, 'accepting asked for confirmation first');

  // The proposer's timeline says it was accepted; the address book names the other school of a namesake.
  await pageA.goto(address);
  await pageA.getByText(/a accepté la passerelle avec École du Port/).first().waitFor();
  await pageA.goto(`${address}/directory`);
  await pageA.getByLabel('Rechercher une personne ou un groupe').fill('martin');
  await pageA.getByText(/Enseignant · École du Port/).first().waitFor();
  t.pass('the teacher of the other school shows its name');
  await pageA.getByRole('listitem').filter({ hasText: 'École du Port' }).getByRole('link', { name: 'MARTIN Claire' }).click();
  await pageA.getByRole('heading', { name: 'MARTIN Claire', level: 1 }).waitFor();
  await pageA.getByRole('link', { name: 'Écrire un message' }).click();
  await pageA.locator('messaging-compose').getByText('MARTIN Claire').first().waitFor();
  t.pass('her card writes to her: the message opens addressed to her');

  // The gateway closes meanwhile: sending says whom it refuses and why; the other side was told of the closing.
  const gateway = await platform.knex('core.gateways').first('id');
  t.equal((await platform.as(directorB).inject({ method: 'POST', url: `/api/core/gateways/${gateway.id}/close` })).statusCode, 200);
  await pageA.getByLabel('Objet').fill('Chorale commune');
  await pageA.getByRole('button', { name: 'Envoyer' }).click();
  const refusal = (await pageA.locator('messaging-compose').getByRole('alert').textContent()) ?? '';
  t.match(refusal, /passerelle/, 'the refusal says why');
  t.match(refusal, /MARTIN Claire/, 'and names whom');
  const closedTold = (await platform.as(directorA).inject('/api/core/timeline')).json().items;
  t.ok(closedTold.some((i: { type: string }) => i.type === 'gateway-closed'), 'the director of A was told it closed');
  t.same(errors, []);
});
