import { defineWebApp, registerEditorExtension } from '@preau/sdk/web';
import './media-app.js';
import './media-help.js';
import { playerHtml, recordMedia } from './media-recorder.js';

// The editor's music and video buttons open the recorder (the manifest's `web.editor` makes the shell load this
// entry up front, so every app's editor has them); the saved recording is inserted as a player.
for (const kind of ['audio', 'video'] as const) {
  void registerEditorExtension({
    name: `media-${kind}`,
    replaces: kind,
    button: { label: kind === 'audio' ? { fr: 'Son', en: 'Sound' } : { fr: 'Vidéo', en: 'Video' }, icon: kind === 'audio' ? '🎤' : '🎥' },
    async run(editor) {
      const recording = await recordMedia(kind, true);
      if (recording?.src) editor.insertHTML(playerHtml(recording));
      editor.focus();
    },
  });
}

// The launcher opens <media-app> at /apps/media/…; the header's « Aide » shows <media-help>.
export default defineWebApp({ name: 'media', element: 'media-app', help: 'media-help' });
