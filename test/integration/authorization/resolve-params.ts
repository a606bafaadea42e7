import type { RouteEntry } from '@preau/core';

/**
 * Which of school A's things (a key of `World.resources`) a path parameter names. Most parameters say it by
 * their name; a bare `:id` or `:blobId` (and a directory's person) says it by the segment before it, within its app (a news thread is not
 * a messaging thread). A parameter nobody declared here stays unresolved: the route is still called (anonymous
 * and malformed-free checks hold), and the test prints it so that the table grows with the apps.
 */
const BY_NAME: Record<string, string> = {
  schoolId: 'school',
  uai: 'uai',
  classId: 'class',
  pupilId: 'pupil',
  relativeId: 'user',
  userId: 'user',
  groupId: 'group',
  fromGroupId: 'group',
  toGroupId: 'otherGroup',
  importId: 'import',
  gatewayId: 'gateway',
  wordId: 'word',
  replyId: 'reply',
  sessionId: 'session',
  folder: 'folder',
  week: 'week',
  app: 'app',
  right: 'right',
  calendarId: 'calendar',
  eventId: 'event',
  roundId: 'meetingRound',
  nodeId: 'documentNode',
  versionId: 'documentVersion',
  blogId: 'blog',
  postId: 'blogPost',
  commentId: 'blogComment',
  slug: 'blogSlug',
  recordingId: 'recording',
  bookId: 'book',
  pageId: 'bookPage',
};

const BY_SEGMENT: Record<string, string> = {
  // The directory shows a person to whoever the communication rules let write to them.
  'core/people': 'person',
  'core/timeline': 'notification',
  'core/transfer-requests': 'transferRequest',
  'core/blobs': 'blob',
  'core/text-images': 'textImage',
  'core/files': 'insertedFile',
  'liaison/attachments': 'wordFile',
  'messaging/messages': 'message',
  'messaging/threads': 'message',
  'messaging/drafts': 'draft',
  'messaging/moderation': 'pendingMessage',
  'messaging/folders': 'folder',
  'messaging/schools': 'school',
  'messaging/attachments': 'messageFile',
  'news/threads': 'thread',
  'news/items': 'item',
  'news/comments': 'comment',
  'news/flash': 'flash',
  'news/attachments': 'itemFile',
  'textbook/entries': 'textbookEntry',
  'textbook/homework': 'textbookEntry',
  // /api/core/shares/:app/:type/:id: each parameter is named by the one before it.
  'core/shares': 'shareApp',
  'core/:app': 'shareType',
  'core/:type': 'sharedFolderGrants',
  'folders/folders': 'sharedFolder',
};

/** The path's parameters in order, each with the resource kind it names (undefined: not known here). */
export function pathParams(route: RouteEntry): { name: string; kind: string | undefined }[] {
  const segments = route.url.split('/');
  const app = route.plugin ?? 'core';
  return segments.flatMap((segment, index) => {
    if (!segment.startsWith(':')) return [];
    const name = segment.slice(1);
    const kind = BY_SEGMENT[`${app}/${segments[index - 1]}`] ?? BY_NAME[name];
    return [{ name, kind }];
  });
}
