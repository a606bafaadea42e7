import t from 'tap';
import type { Locator, Page } from 'playwright-core';
import { sanitizeRichText } from '@preau/core';
import { createTestPlatform } from '@preau/core/testing';
import notes from '../fixtures/plugins/notes/src/index.js';
import { launchChromium } from './browser.js';
import { seriousViolations } from './axe.js';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** The same HTML as the browser reads it, styles written one way: tells apart content, not spelling. */
async function canonical(page: Page, html: string): Promise<string> {
  return page.evaluate((source) => {
    const body = new DOMParser().parseFromString(source, 'text/html').body;
    for (const element of body.querySelectorAll<HTMLElement>('[style]')) element.setAttribute('style', element.style.cssText);
    return body.innerHTML;
  }, html);
}

/** Sends a paste event to the editor's text, as a browser does for Ctrl+V (playwright cannot fill the clipboard). */
async function paste(text: Locator, data: { html?: string; plain?: string; image?: string }): Promise<void> {
  await text.evaluate((element, { html, plain, image }) => {
    const transfer = new DataTransfer();
    if (html) transfer.setData('text/html', html);
    if (plain) transfer.setData('text/plain', plain);
    // A screenshot: a PNG file in the clipboard (`image` is a data: URL of its bytes).
    if (image) transfer.items.add(new File([Uint8Array.from(atob(image.split(',')[1]!), (c) => c.charCodeAt(0))], 'capture-ecran.png', { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true, composed: true }));
  }, data);
}

/**
 * Waits until the editor's own selection is (or is not) collapsed. Keys that move the caret reach ProseMirror
 * through the browser's selectionchange event, a task later: a user never picks a colour or a size in between,
 * Playwright can, and the tool then applies to the old selection.
 */
async function caretIn(page: Page, collapsed: boolean): Promise<void> {
  await page.waitForFunction((collapsed) => {
    const find = (root: Document | ShadowRoot): Element | null => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'preau-editor-view') return element;
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const view = find(document) as (Element & { editor?: { state: { selection: { empty: boolean } } } }) | null;
    return view?.editor?.state.selection.empty === collapsed;
  }, collapsed);
}

const latestNote = async (platform: Awaited<ReturnType<typeof createTestPlatform>>) =>
  (await platform.knex('notes.notes').orderBy('id', 'desc').first('id', 'html')) as { id: number; html: string };

t.test('a teacher writes formatted text with the editor, and only sanitized schema HTML is stored', async (t) => {
  const platform = await createTestPlatform({ plugins: [notes], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jules Ferry', city: 'Niort' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'sabine.martin', displayName: 'MARTIN Sabine' });
  await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTINEZ Paul' });

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const context = await browser.newContext();
  // Every payload calls alert(): count the calls instead of showing dialogs.
  await context.addInitScript(() => {
    (window as unknown as { alerts: number }).alerts = 0;
    window.alert = () => void ((window as unknown as { alerts: number }).alerts += 1);
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const scripts: { url: string; body: Promise<string> }[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) scripts.push({ url: response.url(), body: response.text().catch(() => '') });
  });

  await page.goto(address);
  await page.getByLabel('Identifiant').fill(teacher.login);
  await page.getByLabel('Mot de passe').fill(teacher.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await page.getByRole('link', { name: /Notes/ }).first().waitFor();

  // Signed in, home page shown: nothing of TipTap was downloaded yet.
  const before = scripts.length;
  t.notOk(scripts.some((s) => /editor-core/.test(s.url)), 'the editor chunk is not requested before an editor is shown');
  const initialBodies = await Promise.all(scripts.map((s) => s.body));
  // The reader of rich text (<preau-rich-text>) names KaTeX's chunk, to load it with the first formula: its code
  // ("KaTeX parse error" is in its parser) must not be there.
  t.notOk(initialBodies.some((body) => /ProseMirror|prosemirror-|KaTeX parse error/.test(body)), 'no ProseMirror, TipTap or KaTeX in the scripts of the home page');

  await page.getByRole('link', { name: /Notes/ }).first().click();
  const text = page.getByRole('textbox', { name: 'Note' });
  await text.waitFor();
  t.ok(scripts.slice(before).some((s) => /\/shell\/chunks\/editor-core-[A-Z0-9]+\.js$/.test(s.url)), 'the editor chunk loads when the editor is shown');
  t.notOk(scripts.some((s) => /katex/i.test(s.url)), 'KaTeX waits for a formula');

  // The toolbar is one tab stop; arrows move along it.
  const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' });
  t.equal(await toolbar.locator('[tabindex="0"]').count(), 1, 'one item of the toolbar is in the tab order');
  await toolbar.getByRole('button', { name: 'Annuler' }).focus();
  await page.keyboard.press('ArrowRight');
  t.equal(await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('aria-label');
  }), 'Rétablir', 'ArrowRight goes to the next button');

  // Bold with Ctrl+B, a colour from the palette, a bulleted list.
  await text.click();
  await page.keyboard.type('Sortie au musée ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('jeudi');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' prochain.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pensez au goûter');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await caretIn(page, false);
  await toolbar.getByRole('button', { name: 'Couleur du texte' }).click();
  await page.getByRole('group', { name: 'Couleur du texte' }).getByRole('button', { name: 'Rouge' }).click();
  await page.keyboard.press('End');
  await caretIn(page, true);
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Liste à puces' }).click();
  t.equal(await toolbar.getByRole('button', { name: 'Liste à puces' }).getAttribute('aria-pressed'), 'true', 'the list button shows it is on');
  await page.keyboard.type('des bottes');
  await page.keyboard.press('Enter');
  await page.keyboard.type('un k-way');

  t.same(await seriousViolations(page), [], 'axe-core: no serious or critical violation on the editor');

  const editor = page.locator('preau-editor');
  const written = await editor.evaluate((element) => (element as HTMLElement & { value: string }).value);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('status').filter({ hasText: /Note \d+ enregistrée/ }).waitFor();
  const first = await latestNote(platform);
  t.match(first.html, /<strong>jeudi<\/strong>/, 'the bold word is stored');
  t.match(first.html, /<span style="color:\s*(#c0392b|rgb\(192, 57, 43\))">goûter<\/span>/, 'the colour is stored');
  t.match(first.html, /<ul><li><p>des bottes<\/p><\/li><li><p>un k-way<\/p><\/li><\/ul>/, 'the list is stored');
  t.equal(first.html, sanitizeRichText(first.html), 'what is stored is its own sanitized form');
  t.equal(await canonical(page, written), await canonical(page, first.html), 'the sanitizer dropped nothing the editor wrote: it writes only the schema');
  await page.locator('[data-note]').getByText('goûter').waitFor();

  // The HTML source view: what is typed there goes through the editor's schema before anything else.
  await toolbar.getByRole('button', { name: 'Source HTML' }).click();
  const source = page.getByRole('textbox', { name: /Source HTML/ });
  t.match(await source.inputValue(), /<strong>jeudi<\/strong>/, 'the source shows the HTML');
  await source.fill('<p>Avant</p><img src=x onerror=alert(1)><script>alert(1)</script><p onclick="alert(1)">Après <a href="javascript:alert(1)">ici</a></p>');
  const typedIn = await editor.evaluate((element) => (element as HTMLElement & { value: string }).value);
  t.notMatch(typedIn, /<img|<script|onerror|onclick|javascript:/i, 'the editor itself keeps none of it');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('status').filter({ hasText: new RegExp(`Note ${first.id + 1} enregistrée`) }).waitFor();
  const second = await latestNote(platform);
  t.match(second.html, /Avant/);
  t.match(second.html, /Après/);
  t.notMatch(second.html, /<img|<script|alert|onerror|onclick|javascript:/i, 'nothing of the payloads is stored');
  await page.waitForTimeout(300);
  t.equal(await page.evaluate(() => (window as unknown as { alerts: number }).alerts), 0, 'no alert ran');
  t.same(dialogs, []);
  await toolbar.getByRole('button', { name: 'Source HTML' }).click();

  // Pasted pictures go to the user's storage and come back as images of the text; the rest of the paste goes in.
  await text.click();
  await page.keyboard.press('Control+End');
  await paste(text, { html: `<p>Photo de la sortie</p><img src="${PIXEL}">`, plain: 'Photo de la sortie' });
  await page.getByRole('status').filter({ hasText: 'Image ajoutée.' }).waitFor();
  // Its description is asked for, not made from a file name ("image 1" said nothing).
  const describe = page.getByRole('form', { name: "Décrire l'image ajoutée" });
  await describe.getByRole('button', { name: 'Enregistrer la description' }).click();
  await describe.getByText("Décrivez l'image en quelques mots").waitFor();
  await describe.getByLabel("Description de l'image (pour qui ne la voit pas)").fill('La classe devant le car');
  await describe.getByRole('button', { name: 'Enregistrer la description' }).click();
  await describe.waitFor({ state: 'detached' });
  const pasted = await editor.evaluate((element) => (element as HTMLElement & { value: string }).value);
  t.match(pasted, /Photo de la sortie/, 'the text of the paste is kept');
  t.match(pasted, /<img src="\/api\/core\/files\/[a-f0-9]{32}" alt="La classe devant le car">/, 'the embedded image is uploaded, then shown from storage, described');
  t.notMatch(pasted, /data:/, 'nothing embedded is kept');
  await paste(text, { image: PIXEL });
  await describe.getByLabel("Description de l'image (pour qui ne la voit pas)").fill('capture ecran');
  await describe.getByRole('button', { name: 'Enregistrer la description' }).click();
  await page.waitForFunction(() => {
    const find = (root: Document | ShadowRoot): HTMLElement & { value?: string } | null => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'preau-editor') return element as HTMLElement;
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    return /alt="capture ecran"/.test(find(document)?.value ?? '');
  });
  const screenshot = /src="(\/api\/core\/files\/[a-f0-9]{32})" alt="capture ecran"/.exec(await editor.evaluate((element) => (element as HTMLElement & { value: string }).value))![1]!;
  const served = await page.request.get(`${address}${screenshot}`);
  t.equal(served.status(), 200, 'a screenshot pasted alone is uploaded too, and served to its writer');
  t.equal(served.headers()['content-type'], 'image/png');

  // Word's markup is cleaned: no mso- styles, classes or hand-drawn bullets.
  await paste(text, {
    html: '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment--><p class=MsoListParagraph style="mso-list:l0 level1 lfo1;color:red"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Réunion de rentrée<o:p></o:p></p><!--EndFragment--></body></html>',
    plain: 'Réunion de rentrée',
  });
  const fromWord = await editor.evaluate((element) => (element as HTMLElement & { value: string }).value);
  t.match(fromWord, /Réunion de rentrée/, "Word's text is pasted");
  t.notMatch(fromWord, /mso-|class=|·|<o:p/i, "without Word's markup");

  t.same(errors, [], 'no error in the page');
});

t.test('every tool of the toolbar writes only what the rich-text schema allows', async (t) => {
  const platform = await createTestPlatform({ plugins: [notes], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(address);
  await page.getByLabel('Identifiant').fill(teacher.login);
  await page.getByLabel('Mot de passe').fill(teacher.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: /Notes/ }).first().click();
  const text = page.getByRole('textbox', { name: 'Note' });
  await text.waitFor();
  const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' });
  const tool = (name: string) => toolbar.getByRole('button', { name, exact: true });
  const form = async (button: string, fields: Record<string, string>, submit: string) => {
    await tool(button).click();
    for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: submit }).click();
  };

  await text.click();
  await toolbar.getByRole('combobox', { name: 'Style de paragraphe' }).selectOption('h2');
  await page.keyboard.type('Sortie au musée');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Rendez-vous à 8 h');
  await tool('Augmenter le retrait').click();
  await page.keyboard.press('Enter');
  await toolbar.getByRole('combobox', { name: 'Taille du texte' }).selectOption({ label: 'Grande' });
  await page.keyboard.type('Important');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await caretIn(page, false);
  await tool('Couleur de fond').click();
  await page.getByRole('group', { name: 'Couleur de fond' }).getByRole('button', { name: 'Jaune' }).click();
  await page.keyboard.press('End');
  await caretIn(page, true);
  await toolbar.getByRole('combobox', { name: 'Taille du texte' }).selectOption({ label: 'Normale' });
  await page.keyboard.type(' H');
  await tool('Indice').click();
  await page.keyboard.type('2');
  await tool('Indice').click();
  await page.keyboard.type('O et m');
  await tool('Exposant').click();
  await page.keyboard.type('3');
  await tool('Exposant').click();
  await page.keyboard.press('Enter');
  await tool('Liste numérotée').click();
  await page.keyboard.type('Le musée');
  await page.keyboard.press('Enter');
  await tool('Augmenter le retrait').click();
  await page.keyboard.type('La salle des fossiles');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await form('Lien', { 'Adresse du lien': 'www.museum.example', 'Texte du lien': 'le site du musée' }, 'Appliquer le lien');
  await page.keyboard.type(' ');
  await tool('Émoji').click();
  await page.getByRole('group', { name: 'Émoji' }).getByRole('button', { name: 'Grand sourire' }).click();
  await tool('Date du jour').click();
  await form('Formule', { 'Formule LaTeX (par exemple \\frac{1}{2})': '\\href{javascript:alert(1)}{x}' }, 'Insérer la formule');
  await page.getByText('ne sont pas permises dans une formule').waitFor();
  await page.getByLabel('Formule LaTeX (par exemple \\frac{1}{2})').fill('\\frac{1}{2}');
  await page.getByRole('button', { name: 'Insérer la formule' }).click();
  await page.locator('[data-type="inline-math"] math').waitFor();
  t.ok(requests.some((url) => /\/shell\/chunks\/katex-[A-Z0-9]+\.js$/.test(url)), 'KaTeX loads with the first formula, drawn as MathML');
  await form('Image', { 'ou son adresse sur le web (https://…)': 'data:image/png;base64,AAAA' }, "Insérer l'image");
  await page.getByText("L'adresse doit commencer par https://").waitFor();
  await page.getByLabel('ou son adresse sur le web (https://…)').fill('https://images.example/sortie.jpg');
  await page.getByLabel("Description de l'image (pour qui ne la voit pas)").fill('La classe devant le musée');
  await page.getByRole('button', { name: "Insérer l'image" }).click();
  await form('Document', { 'Adresse du document': 'https://docs.example/autorisation.pdf', 'Titre du document': 'Autorisation de sortie' }, 'Insérer le lien vers le document');
  await tool('Tableau').click();
  await page.getByLabel('Nombre de lignes').fill('2');
  await page.getByLabel('Nombre de colonnes').fill('2');
  await page.getByRole('button', { name: 'Insérer le tableau' }).click();
  await page.keyboard.type('Heure');
  await tool('Ajouter une colonne').waitFor();
  t.pass('the table tools appear inside a table');

  const written = await page.locator('preau-editor').evaluate((element) => (element as HTMLElement & { value: string }).value);
  for (const [what, pattern] of Object.entries({
    title: /<h2>Sortie au musée<\/h2>/,
    indent: /<p style="margin-left: 2em;?">Rendez-vous à 8 h<\/p>/,
    size: /<span style="font-size: 1.25em;?">/,
    background: /<mark data-color="#fff3a3" style="background-color: (#fff3a3|rgb\(255, 243, 163\)); color: inherit;?">Important/,
    subscript: /<sub>2<\/sub>/,
    superscript: /<sup>3<\/sup>/,
    nestedList: /<ol><li><p[^>]*>Le musée<\/p><ol><li><p[^>]*>La salle des fossiles<\/p><\/li><\/ol><\/li><\/ol>/,
    link: /<a target="_blank" rel="noopener noreferrer nofollow" href="https:\/\/www.museum.example">le site du musée<\/a>/,
    emoji: /<span data-type="emoji" data-name="smile">😄<\/span>/,
    date: /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} [a-zéû]+ \d{4}/,
    formula: /<span data-type="inline-math" data-latex="\\frac\{1\}\{2\}"><\/span>/,
    image: /<img src="https:\/\/images.example\/sortie.jpg" alt="La classe devant le musée">/,
    document: /<a [^>]*href="https:\/\/docs.example\/autorisation.pdf">Autorisation de sortie<\/a>/,
    table: /<table[^>]*>.*<th[^>]*><p>Heure<\/p><\/th>/,
  })) t.match(written, pattern, what);

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('status').filter({ hasText: /Note \d+ enregistrée/ }).waitFor();
  const stored = await latestNote(platform);
  t.equal(await canonical(page, written), await canonical(page, stored.html), 'the sanitizer keeps everything the toolbar wrote');
  // Read back as apps show it (<preau-rich-text>): the formula is drawn, as it was in the editor.
  await page.locator(`[data-note="${stored.id}"] [data-type="inline-math"] math`).waitFor();
  t.pass('the stored formula is drawn for readers');

  // Undo and the keyboard: Escape closes a panel and gives the focus back to its button.
  await tool('Couleur du texte').click();
  await page.keyboard.press('Escape');
  t.equal(await tool('Couleur du texte').getAttribute('aria-expanded'), 'false', 'Escape closes the palette');
  await tool('Annuler').click();
  t.notMatch(await page.locator('preau-editor').evaluate((element) => (element as HTMLElement & { value: string }).value), /Heure/, 'Annuler undoes the last typing');

  // The rest of the schema, typed in the source view: kept as it is, or brought into the schema (red → #ff0000,
  // Word's 12pt dropped, a heading 1 made a title).
  await tool('Source HTML').click();
  await page.getByRole('textbox', { name: /Source HTML/ }).fill([
    '<h1>Grand titre</h1><h3 style="text-align: center">Sous-titre</h3><blockquote><p>Citation</p></blockquote>',
    '<p><em>a</em> <u>b</u> <s>c</s> <code>d</code><br>e <span style="color: red; font-size: 12pt">rouge</span></p><hr>',
    '<ol start="3"><li><p>trois</p></li></ol><div data-type="block-math" data-latex="E=mc^2"></div>',
    '<p><a href="mailto:ecole@example.org" title="Écrire" target="_self" class="x">écrire</a> <a href="tel:+33500000000">appeler</a></p>',
  ].join(''));
  await tool('Source HTML').click();
  const sample = await page.locator('preau-editor').evaluate((element) => (element as HTMLElement & { value: string }).value);
  for (const [what, pattern] of Object.entries({
    heading1AsTitle: /<h2>Grand titre<\/h2>/,
    centred: /<h3 style="text-align: center;?">Sous-titre<\/h3>/,
    quote: /<blockquote><p>Citation<\/p><\/blockquote>/,
    inline: /<em>a<\/em> <u>b<\/u> <s>c<\/s> <code>d<\/code><br>e/,
    namedColour: /<span style="color: (#ff0000|rgb\(255, 0, 0\));?">rouge<\/span>/,
    rule: /<hr>/,
    start: /<ol start="3">/,
    blockFormula: /<div data-type="block-math" data-latex="E=mc\^2"><\/div>/,
    mailto: /<a target="_blank" rel="noopener noreferrer nofollow" href="mailto:ecole@example.org" title="Écrire">écrire<\/a>/,
    tel: /href="tel:\+33500000000"/,
  })) t.match(sample, pattern, what);
  t.notMatch(sample, /12pt|class=|_self/, 'what the schema does not have is left out');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('status').filter({ hasText: `Note ${stored.id + 1} enregistrée` }).waitFor();
  t.equal(await canonical(page, sample), await canonical(page, (await latestNote(platform)).html), 'the sanitizer keeps all of it');

  // A plugin adds a button to every editor, the open one included, through the SDK (the shell's import map gives the
  // page the same module a plugin's bundle imports); its HTML goes through the schema too.
  await page.evaluate(async () => {
    const sdk = (await import('@preau/sdk/web')) as typeof import('@preau/sdk/web');
    await sdk.registerEditorExtension({
      name: 'documents-insert',
      button: { label: { fr: 'Insérer un document', en: 'Insert a document' }, icon: '📎' },
      run: (editor) => editor.insertHTML('<p><a href="/api/documents/7">Compte rendu</a><img src="x" onerror="alert(1)"></p>'),
    });
  });
  await text.click();
  await tool('Insérer un document').click();
  const extended = await page.locator('preau-editor').evaluate((element) => (element as HTMLElement & { value: string }).value);
  t.match(extended, /<a target="_blank" rel="noopener noreferrer nofollow" href="\/api\/documents\/7">Compte rendu<\/a>/, "the extension's button inserts its HTML");
  t.notMatch(extended, /onerror|<img src="x"/, 'within the schema');

  // Inside a form, the editor submits its HTML under its name.
  const submitted = await page.evaluate(async () => {
    const form = document.createElement('form');
    const editor = document.createElement('preau-editor') as HTMLElement & { value: string; name: string; label: string };
    editor.name = 'body';
    editor.label = 'Message';
    editor.value = '<p>Bonjour <strong>à tous</strong></p>';
    form.append(editor);
    document.body.append(form);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const value = new FormData(form).get('body');
    form.remove();
    return value;
  });
  t.equal(submitted, '<p>Bonjour <strong>à tous</strong></p>', 'a form gets the HTML');

  await text.click();
  await page.keyboard.press('Control+A');
  await tool('Effacer la mise en forme').click();
  const cleared = await page.locator('preau-editor').evaluate((element) => (element as HTMLElement & { value: string }).value);
  t.notMatch(cleared, /<h[23]|<strong|<em|<mark|<span style|style="(text-align|margin-left)|<ol|<blockquote/, 'Effacer la mise en forme leaves plain paragraphs');
  t.match(cleared, /Grand titre/, 'and keeps the text');
  t.same(errors, []);
});
