// Shared with plugins through the import map as 'lit/directives/class-map.js'.
export * from 'lit/directives/class-map.js';
