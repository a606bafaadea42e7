/** The window event by which an app asks the shell to show a toast; `detail` is a {@link ToastRequest}. */
export const TOAST_EVENT = 'preau-toast';

/** A short message shown for a few seconds at the bottom of the screen, read by screen readers. */
export interface ToastRequest {
  message: string;
  /** `success` (saved, sent), `error` (failed: also stays until closed) or `info` (default). */
  tone?: 'info' | 'success' | 'error';
}

/** Shows `message` in the shell's toasts ("Message envoyé"), for what happened out of sight of the user's focus. */
export function showToast(message: string, tone: ToastRequest['tone'] = 'info'): void {
  window.dispatchEvent(new CustomEvent<ToastRequest>(TOAST_EVENT, { detail: { message, tone } }));
}
