// The shell's entry: defining <preau-app> starts everything; the tag guard is in place before any plugin
// bundle is imported (plugins load lazily, after the shell's own elements are defined).
import { guardPluginTags } from './plugin-tag-guard.js';
import './preau-app.js';
import './editor/writing-elements.js';
import './sharing/preau-share-dialog.js';

guardPluginTags();
