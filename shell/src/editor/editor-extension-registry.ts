import type { EditorExtension } from '@preau/sdk/web';

export type { EditorExtension, EditorHandle, EditorLabel } from '@preau/sdk/web';

const extensions = new Map<string, EditorExtension>();
const changes = new EventTarget();

/**
 * Adds a button to the toolbar of every editor, those already open included. Plugins call the SDK's
 * `registerEditorExtension`, which reaches this function as a static of the element's class.
 */
export function registerEditorExtension(extension: EditorExtension): void {
  if (!/^[a-z][a-z0-9-]*$/.test(extension.name)) throw new Error(`Préau: editor extension name "${extension.name}" must be lowercase words joined by "-"`);
  extensions.set(extension.name, Object.freeze({ ...extension }));
  changes.dispatchEvent(new Event('change'));
}

/** The registered extensions, in the order they were first registered. */
export function editorExtensions(): EditorExtension[] {
  return [...extensions.values()];
}

/** Calls `listener` whenever an extension is registered; returns the function that stops listening. */
export function onEditorExtensionsChanged(listener: () => void): () => void {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}
