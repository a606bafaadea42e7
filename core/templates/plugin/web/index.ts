import { defineWebApp } from '@preau/sdk/web';
import './__name__-app.js';
import './__name__-help.js';

// The launcher opens <__name__-app> at /apps/__name__/…; the header's "Aide" shows <__name__-help>.
export default defineWebApp({ name: '__name__', element: '__name__-app', help: '__name__-help' });
