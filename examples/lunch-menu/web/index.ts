import { defineWebApp } from '@preau/sdk/web';
import './lunch-menu-app.js';

export default defineWebApp({ name: 'lunch-menu', element: 'lunch-menu-app' });
