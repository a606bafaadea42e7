// Shared with plugins through the import map as 'lit/directive.js'.
export * from 'lit/directive.js';
