import { defineWebApp } from '@preau/sdk/web';
import './textbook-app.js';
import './textbook-help.js';

// The launcher opens <textbook-app> at /apps/textbook/…; the header's « Aide » shows <textbook-help>.
export default defineWebApp({ name: 'textbook', element: 'textbook-app', help: 'textbook-help' });
