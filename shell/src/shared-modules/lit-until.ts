// Shared with plugins through the import map as 'lit/directives/until.js'.
export * from 'lit/directives/until.js';
