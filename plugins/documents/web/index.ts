import { defineWebApp } from '@preau/sdk/web';
import './documents-app.js';
import './documents-help.js';

// The launcher opens <documents-app> at /apps/documents/…; the "?" next to the app's title shows <documents-help>.
export default defineWebApp({ name: 'documents', element: 'documents-app', help: 'documents-help' });
