// The design system's elements, defined by the shell before any plugin loads: apps use them by tag
// (`<preau-menu>`, `<preau-dialog>`, `<preau-tabs>`, `<preau-empty-state>`, `<preau-app-icon>`) and their shared
// styles through `preauStyles` of `@preau/sdk/web`; `/styleguide` shows them all.
import './preau-menu.js';
import './preau-dialog.js';
import './preau-tabs.js';
import './preau-empty-state.js';
import './preau-toasts.js';
import './preau-app-icon.js';
