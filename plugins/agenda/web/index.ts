import { defineWebApp } from '@preau/sdk/web';
import './agenda-app.js';
import './agenda-help.js';
import './agenda-account-section.js';

// The launcher opens <agenda-app> at /apps/agenda/…; the header's « Aide » shows <agenda-help>.
export default defineWebApp({ name: 'agenda', element: 'agenda-app', help: 'agenda-help' });
