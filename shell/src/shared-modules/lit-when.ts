// Shared with plugins through the import map as 'lit/directives/when.js'.
export * from 'lit/directives/when.js';
