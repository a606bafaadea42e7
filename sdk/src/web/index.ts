/**
 * `@preau/sdk/web`: what a plugin's browser code uses. The shell provides this module through its import map,
 * so every plugin shares one copy (and one Lit).
 * @packageDocumentation
 */
export { ApiError, createApiClient } from './api-client.js';
export type { ApiClient } from './api-client.js';
export { userContext, apiContext, languageContext, childContext } from './contexts.js';
export type { WebUser, WebChild } from './contexts.js';
export { defineWebApp } from './define-web-app.js';
export type { WebApp } from './define-web-app.js';
export { localize, formatDay, formatDateTime, defineTexts } from './format.js';
export type { LocalizedText } from './format.js';
export { onLiveNotification, onLiveSignal, onLiveConnected, refreshBadges, LIVE_NOTIFICATION_EVENT, LIVE_SIGNAL_EVENT, LIVE_CONNECTED_EVENT, BADGES_CHANGED_EVENT } from './live.js';
export type { LiveNotification, LiveSignalDetail } from './live.js';
export { registerEditorExtension } from './editor-extension.js';
export { uploadChosenFiles } from './upload-chosen-files.js';
export { formProblem, fieldProblem } from './form-problem.js';
export { parisLocalToIso, isoToParisLocal } from './paris-time.js';
export { preauStyles } from './design-styles.js';
export { AppElement } from './app-element.js';
export { showToast, TOAST_EVENT } from './toast.js';
export type { ToastRequest } from './toast.js';
export { APP_ICON_NAMES } from './app-icon-names.js';
export type { AppIconName } from './app-icon-names.js';
export type { EditorExtension, EditorHandle, EditorLabel } from './editor-extension.js';
export { PROFILES } from '../profiles.js';
export { compareFrench, frenchSortKey } from '../french-order.js';
export { fileNameSlug } from '../file-name-slug.js';
export { openShareDialog } from './open-share-dialog.js';
export type { ShareDialogTarget, ShareDialogElement, ShareChangedDetail } from './open-share-dialog.js';
