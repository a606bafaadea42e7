// The elements every app that writes uses, defined by the shell so that plugin bundles never carry them:
// the rich-text editor (a few KB here; TipTap itself loads when an editor is first shown), its reader
// (<preau-rich-text>, which draws formulas) and the "À" field.
import './preau-editor.js';
import '../rich-text/preau-rich-text.js';
import '../recipient-picker/preau-recipient-picker.js';
