/** What a plugin names to share one of its resources: the app, the type declared in its manifest's `sharing`, the id. */
export interface ShareDialogTarget {
  app: string;
  type: string;
  resourceId: string;
  /** The resource's name, shown in the dialog's title (« Partager « Sorties » »). */
  resourceName: string;
}

/**
 * The shell's `<preau-share-dialog>` as a plugin sees it: a plugin uses it by tag (the shell defines it) or
 * through `openShareDialog`. After each change it dispatches `share-changed` (bubbles, composed), and `close`
 * when it closes.
 */
export interface ShareDialogElement extends HTMLElement, ShareDialogTarget {
  /** Loads the resource's grants and opens the dialog as a modal. */
  show(): void;
  /** Closes it; focus goes back where it was. */
  close(): void;
}

/** The `detail` of `share-changed`. */
export interface ShareChangedDetail {
  app: string;
  type: string;
  resourceId: string;
}

/**
 * Opens the shell's share dialog on one resource: creates `<preau-share-dialog>` in the page's body, opens it,
 * and removes it once closed. Resolves with the element (listen to its `share-changed` to reload a list).
 *
 * @example
 * const dialog = await openShareDialog({ app: 'documents', type: 'folder', resourceId: String(folder.id), resourceName: folder.name });
 * dialog.addEventListener('share-changed', () => void this.reload());
 */
export async function openShareDialog(target: ShareDialogTarget): Promise<ShareDialogElement> {
  await customElements.whenDefined('preau-share-dialog');
  const dialog = document.createElement('preau-share-dialog') as ShareDialogElement;
  Object.assign(dialog, target);
  dialog.addEventListener('close', () => dialog.remove(), { once: true });
  document.body.append(dialog);
  dialog.show();
  return dialog;
}
