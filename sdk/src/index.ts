/**
 * `@preau/sdk`: the contract between Préau and its plugins. A plugin imports nothing else at run time.
 * @packageDocumentation
 */
import './request-context.js';

export { definePlugin } from './define-plugin.js';
export type { DefinedPlugin } from './define-plugin.js';
export { defineBundle } from './define-bundle.js';
export type { BundleManifest, DefinedBundle } from './define-bundle.js';
export { defineMigration } from './migration.js';
export type { Migration } from './migration.js';
export type {
  PluginManifest,
  PluginApp,
  TypeBoxTypeProvider,
  RightDeclaration,
  NotificationTypeDeclaration,
  Delivery,
  WebDeclaration,
  HomeContribution,
  AppBadge,
  DemoContext,
} from './manifest.js';
export { DATED_ITEM_KINDS } from './dated-items.js';
export { administersSchool } from './school-roles.js';
export { parisDay } from './paris-day.js';
export type { DatedItem, DatedItemKind, DatedItemsWindow } from './dated-items.js';
export type {
  StructureService,
  PersonRef,
  SchoolClassRef,
  PupilRef,
  RelativeLink,
  ChildLink,
  ClassStaffLink,
  DerivedGroupRef,
} from './structure.js';
export type { JobsService, JobPayload, ScheduleOptions } from './jobs.js';
export type { StorageService, StoredBlob, StorageUsage, PutOptions, SendOptions } from './storage.js';
export { FfmpegError } from './ffmpeg.js';
export type { FfmpegService, FfmpegBinary, FfmpegRunOptions, FfmpegFailure } from './ffmpeg.js';
export { INSERTED_FILE_PREFIX, insertedFileUrl } from './inserted-files.js';
export type { PersonalFilesService, PersonalFilesDeclaration, PersonalFileInput } from './personal-files.js';
export type { InsertedFilesService, CheckedFiles, FileHolderRef, FileHolderDeclaration, InsertedFileWriteOptions } from './inserted-files.js';
export type { AttachmentSetsService, Attachment, CheckedAttachments } from './attachments.js';
export { SHARE_ROLES, ACCESS_ROLES, DEFAULT_SHARE_ROLES, roleIncludes, sharingWithRoles } from './sharing.js';
export type {
  SharingService,
  ShareRole,
  ShareRoleDeclaration,
  AccessRole,
  SharedResourceRef,
  ShareTypeDeclaration,
  ShareWriteOptions,
  GrantInput,
  GrantOptions,
  ShareGrantee,
  ShareGrant,
  ResourceGrants,
  SharedItem,
  SharedWithMePage,
} from './sharing.js';
export type {
  PluginServices,
  Clock,
  CurrentUser,
  UserFunction,
  SchoolRef,
  AppEnablementService,
  RightsService,
  EventBus,
  CommunicationService,
  SanitizeService,
  RecipientUser,
  RecipientGroup,
  NotifyService,
  LiveSignal,
  NotificationInput,
  NotificationEmailDetails,
  NotificationRecipients,
  NotificationResource,
  NotificationSent,
} from './services.js';
export type { RequestContext, PreauRouteConfig } from './request-context.js';
/** The query builder plugins receive as `db` (knex), bound to their own schema. */
export type { Knex } from 'knex';
export { PreauError, defineError, isPreauError } from './coded-error.js';
export type { ErrorDefinition } from './coded-error.js';
export { Id, BigId, MAX_ID, MAX_BIG_ID } from './ids.js';
export { PageCursorSchema, encodePageCursor, decodePageCursor, PageCursorInvalid } from './page-cursor.js';
export type { PageCursor } from './page-cursor.js';
export { PROFILES } from './profiles.js';
export type { Profile } from './profiles.js';
export type { LocalizedText, Language } from './localized-text.js';
export { fileNameSlug } from './file-name-slug.js';
export { frenchOrder, frenchSortKey, compareFrench } from './french-order.js';
export { fieldLabel, fieldProblemText, FIELD_LABEL_KEYWORD } from './field-problems.js';
export type { FieldProblemKind } from './field-problems.js';
export { SDK_VERSION } from './version.js';
export { RICH_TEXT_SCHEMA } from './rich-text-schema.js';
export type { RichTextSchema } from './rich-text-schema.js';
/** JSON schema builder for route schemas; the same schema validates the request and types the handler. */
export { Type } from '@sinclair/typebox';
export type { Static, TSchema } from '@sinclair/typebox';
