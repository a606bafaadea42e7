// The elements every app that writes uses, defined by the shell so that plugin bundles never carry them:
// the rich-text editor (a few KB here; TipTap itself loads when an editor is first shown) and the "À" field.
import './preau-editor.js';
import '../recipient-picker/preau-recipient-picker.js';
