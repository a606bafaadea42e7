// Shared with plugins through the import map as 'lit/directives/unsafe-html.js'.
export * from 'lit/directives/unsafe-html.js';
