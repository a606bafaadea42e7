// Shared with plugins through the import map as 'lit/directives/ref.js'.
export * from 'lit/directives/ref.js';
