// Shared with plugins through the import map as 'lit/directives/style-map.js'.
export * from 'lit/directives/style-map.js';
