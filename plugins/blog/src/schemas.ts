import { Id, PageCursorSchema, Type, fieldLabel, type Static } from '@preau/sdk';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
/** A blob of the core's file store (an upload, a file of Documents). */
const BlobId = Type.String({ pattern: '^[a-f0-9]{32}$' });

export const Publication = Type.Union([Type.Literal('immediate'), Type.Literal('restrained')]);
export const CommentsMode = Type.Union([Type.Literal('none'), Type.Literal('immediate'), Type.Literal('moderated')]);
export const Role = Type.Union([Type.Literal('read'), Type.Literal('contribute'), Type.Literal('manage'), Type.Literal('owner')]);
export type Role = Static<typeof Role>;
/** A public address: lower case letters and digits in words joined by dashes. */
export const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80, ...fieldLabel('Adresse publique', 'Public address') });

/** A blog as the API answers it, with the user's role on it. */
export const Blog = Type.Object({
  id: Type.Integer(),
  schoolId: Type.Integer(),
  kind: Type.Union([Type.Literal('class'), Type.Literal('school')]),
  classId: Nullable(Type.Integer()),
  title: Type.String(),
  description: Type.String(),
  cover: Nullable(Type.String()),
  publication: Publication,
  comments: CommentsMode,
  /** The public address's slug; null while the blog is not public. */
  slug: Nullable(Type.String()),
  role: Role,
  following: Type.Boolean(),
  /** Posts waiting for validation (for its managers; 0 for the others). */
  waiting: Type.Integer(),
  /** The user may make it public (the `publishPublic` right in its school, and managing it). */
  canPublishPublic: Type.Boolean(),
});
export type Blog = Static<typeof Blog>;

const BlogFields = {
  title: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S', ...fieldLabel('Titre', 'Title') }),
  description: Type.Optional(Type.String({ maxLength: 1000, ...fieldLabel('Description', 'Description') })),
  /** A picture uploaded (`POST /api/core/files`) or chosen in Documents; null removes it. */
  coverBlobId: Type.Optional(Nullable(BlobId)),
  publication: Type.Optional(Publication),
  comments: Type.Optional(CommentsMode),
};
export const NewBlogInput = Type.Object({
  schoolId: Id(),
  /** The class of a class blog; absent or null for a school blog. */
  classId: Type.Optional(Nullable(Id())),
  ...BlogFields,
}, { additionalProperties: false });
export const BlogChange = Type.Partial(Type.Object(BlogFields), { additionalProperties: false });
export const PublicInput = Type.Object({ slug: Nullable(Slug) }, { additionalProperties: false });
export const FollowInput = Type.Object({ following: Type.Boolean() }, { additionalProperties: false });

export const PostState = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('scheduled'), Type.Literal('published')]);
const Person = Type.Object({ id: Type.Integer(), displayName: Type.String() });

export const Comment = Type.Object({
  id: Type.Integer(),
  postId: Type.Integer(),
  author: Nullable(Person),
  body: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('published')]),
  createdAt: Instant,
  canDelete: Type.Boolean(),
});
export type Comment = Static<typeof Comment>;

export const Post = Type.Object({
  id: Type.Integer(),
  blogId: Type.Integer(),
  author: Nullable(Person),
  title: Type.String(),
  body: Type.String(),
  state: PostState,
  publishAt: Nullable(Instant),
  publishedAt: Nullable(Instant),
  returnedComment: Nullable(Type.String()),
  hasImages: Type.Boolean(),
  updatedAt: Instant,
  canEdit: Type.Boolean(),
  /** The user manages the blog: publish, send back, unpublish, delete any comment. */
  canManage: Type.Boolean(),
});
export type Post = Static<typeof Post>;
export const PostWithComments = Type.Object({ post: Post, comments: Type.Array(Comment), canComment: Type.Boolean() });

export const PostsQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  cursor: Type.Optional(PageCursorSchema()),
}, { additionalProperties: false });
export const PostsPage = Type.Object({ posts: Type.Array(Post), nextCursor: Nullable(Type.String()) });

export const PostInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', ...fieldLabel('Titre', 'Title') }),
  body: Type.String({ maxLength: 200_000, ...fieldLabel('Texte', 'Text') }),
  /** Publish later: at this instant (once validated when the post needs it). */
  publishAt: Type.Optional(Nullable(Instant)),
  /** False keeps a draft; true publishes it, or sends it for validation when the blog or the author asks for it. */
  submit: Type.Boolean(),
}, { additionalProperties: false });
export type PostInput = Static<typeof PostInput>;
export const PublishInput = Type.Object({ publishAt: Type.Optional(Nullable(Instant)) }, { additionalProperties: false });
export const ReturnInput = Type.Object({
  comment: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', ...fieldLabel('Commentaire', 'Comment') }),
}, { additionalProperties: false });
export const CommentInput = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', ...fieldLabel('Commentaire', 'Comment') }),
}, { additionalProperties: false });

export const Creatable = Type.Object({
  /** Classes whose blogs the user may create (their own classes as a teacher). */
  classes: Type.Array(Type.Object({ id: Type.Integer(), schoolId: Type.Integer(), label: Type.String() })),
  /** Schools whose blogs the user may create (their administrators). */
  schools: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type Creatable = Static<typeof Creatable>;

/** Pupils without photo authorisation (droit à l'image), for the staff writing in the blog. */
export const PhotoReminder = Type.Object({
  pupils: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String(), classId: Type.Integer() })),
});

export const BlogParams = Type.Object({ blogId: Id() });
export const PostParams = Type.Object({ postId: Id() });
export const CommentParams = Type.Object({ commentId: Id() });

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
/** Every 4xx and 5xx body: `{ code, message, details? }`. */
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };
