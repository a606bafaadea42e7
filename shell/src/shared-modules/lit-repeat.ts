// Shared with plugins through the import map as 'lit/directives/repeat.js'.
export * from 'lit/directives/repeat.js';
