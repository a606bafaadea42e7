import { defineWebApp } from '@preau/sdk/web';
import './messaging-app.js';
import './messaging-help.js';

// The launcher opens <messaging-app> at /apps/messaging/…; the header's "Aide" shows <messaging-help>.
export default defineWebApp({ name: 'messaging', element: 'messaging-app', help: 'messaging-help' });
