import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import lunchMenu from '@preau/example-lunch-menu';

t.test('the shell page carries the import map, and an enabled app bundle is served content-hashed and immutable', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu], buildWeb: true });
  t.teardown(() => platform.close());

  const page = await platform.inject('/');
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /text\/html/);
  t.match(page.body, /<html lang="fr">/);
  const importMap = JSON.parse(/<script type="importmap">(.*?)<\/script>/.exec(page.body)![1]!) as { imports: Record<string, string> };
  for (const shared of ['lit', '@lit/context', '@preau/sdk/web']) t.match(importMap.imports[shared], /^\/shell\/.+-[A-Z0-9]+\.js$/, shared);

  const app = /src="(\/shell\/app-[^"]+\.js)"/.exec(page.body)![1]!;
  const shellScript = await platform.inject(app);
  t.equal(shellScript.statusCode, 200);
  t.match(shellScript.headers['cache-control'], /immutable/);
  t.equal(shellScript.headers['x-content-type-options'], 'nosniff');

  const school = await platform.createSchool();
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  const [entry] = (await platform.as(parent).inject('/api/core/apps')).json() as { name: string; entry: string }[];
  t.match(entry, { name: 'lunch-menu', entry: /^\/apps\/lunch-menu\/index-[A-Z0-9]+\.js$/ });
  const bundle = await platform.inject(entry!.entry);
  t.equal(bundle.statusCode, 200);
  t.match(bundle.headers['content-type'], /text\/javascript/);
  t.match(bundle.headers['cache-control'], /max-age=31536000, immutable/);
  t.match(bundle.body, /from"lit"|from "lit"/, 'Lit stays external: the shell provides it');
  t.notMatch(bundle.body, /class \w+ extends ReactiveElement|globalThis.litElementVersions/, 'no second copy of Lit');

  const deepLink = await platform.inject('/apps/lunch-menu/semaine/2026-W48');
  t.equal(deepLink.statusCode, 200, 'an app page is the shell page');
  t.match(deepLink.body, /importmap/);
  const climbing = await platform.inject('/apps/lunch-menu/..%2F..%2F..%2Fpackage.json');
  t.equal(climbing.statusCode, 404, 'nothing outside the build folder');
  t.notMatch(climbing.body, /workspaces/);
  t.equal((await platform.inject('/shell/build-stamp.json')).statusCode, 404);
});
