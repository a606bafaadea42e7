/** A label in both of the shell's languages, or one string used for both. */
export type EditorLabel = string | { fr: string; en: string };

/**
 * What an editor extension's `run` receives: a small, stable handle on the editor the button was pressed in,
 * so that a plugin depends neither on TipTap's version nor on its types.
 */
export interface EditorHandle {
  /** Inserts rich text at the cursor. It is parsed like a paste: what the rich-text schema does not allow is dropped. */
  insertHTML(html: string): void;
  /** The selected text, '' when nothing is selected. */
  selectedText(): string;
  /** The editor's content (schema HTML). */
  getHTML(): string;
  /** Gives the focus back to the text. */
  focus(): void;
  /** Shows a message in the editor's alert region (read out by screen readers). */
  alert(message: string): void;
}

/**
 * A button a plugin adds to every `<preau-editor>` toolbar, e.g. the documents plugin's "insert a document":
 * `run` typically opens the plugin's own picker, then calls `editor.insertHTML('<a href="/api/documents/…">…</a>')`.
 */
export interface EditorExtension {
  /** Unique: registering the same name again replaces the previous one. Prefix it with the plugin's name. */
  name: string;
  /** `label` is the button's accessible name and tooltip; `icon` a short text or emoji drawn on it. */
  button: { label: EditorLabel; icon: string };
  /**
   * The toolbar's own button this extension takes over: its `image` or `document` button then runs `run`
   * instead of its address form, and no second button is added (the documents app's picker, which inserts
   * from the user's documents or uploads from the computer). The `audio` (music) and `video` buttons show
   * only when an extension takes them over (the media app's recorder): players load only files inserted in
   * the text, so there is no address to type.
   */
  replaces?: 'image' | 'document' | 'audio' | 'video';
  run(editor: EditorHandle): void | Promise<void>;
}

/**
 * Adds a button to the toolbar of every `<preau-editor>`, those already open included. The editor is the
 * shell's, loaded with it: this waits until it is defined, then hands the extension over.
 *
 * @example
 * await registerEditorExtension({
 *   name: 'documents-insert',
 *   button: { label: { fr: 'Insérer un document', en: 'Insert a document' }, icon: '📄' },
 *   run: async (editor) => editor.insertHTML(await pickDocumentLink()),
 * });
 */
export async function registerEditorExtension(extension: EditorExtension): Promise<void> {
  const editor = (await customElements.whenDefined('preau-editor')) as unknown as { registerExtension(extension: EditorExtension): void };
  editor.registerExtension(extension);
}
