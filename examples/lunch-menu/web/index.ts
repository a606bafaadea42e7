import { defineWebApp } from '@preau/sdk/web';
import './lunch-menu-app.js';
import './lunch-menu-help.js';

export default defineWebApp({ name: 'lunch-menu', element: 'lunch-menu-app', help: 'lunch-menu-help' });
