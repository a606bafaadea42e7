import { defineWebApp } from '@preau/sdk/web';
import './media-app.js';
import './media-help.js';

// The launcher opens <media-app> at /apps/media/…; the "?" next to the app's title shows <media-help>.
export default defineWebApp({ name: 'media', element: 'media-app', help: 'media-help' });
