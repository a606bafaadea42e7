import { defineWebApp, registerEditorExtension } from '@preau/sdk/web';
import './documents-app.js';
import './documents-help.js';
import { pickDocument } from './documents-picker.js';

// The editor's image and document buttons open the documents picker (the manifest's `web.editor` makes the shell
// load this entry up front, so every app's editor has them): one image button, not a second one beside it.
for (const mode of ['image', 'document'] as const) {
  void registerEditorExtension({
    name: `documents-${mode}`,
    replaces: mode,
    button: { label: mode === 'image' ? { fr: 'Image', en: 'Image' } : { fr: 'Document', en: 'Document' }, icon: mode === 'image' ? '🖼' : '📄' },
    async run(editor) {
      const inserted = await pickDocument(mode);
      if (inserted) editor.insertHTML(inserted);
      editor.focus();
    },
  });
}

// The launcher opens <documents-app> at /apps/documents/…; the header's « Aide » shows <documents-help>.
export default defineWebApp({ name: 'documents', element: 'documents-app', help: 'documents-help' });
