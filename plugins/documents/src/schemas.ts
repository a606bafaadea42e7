import { Type, Id, type Static } from '@preau/sdk';

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
/** Every 4xx and 5xx answer: `{ code, message, details? }`. */
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };

export const NodeParams = Type.Object({ nodeId: Id() });
export const VersionParams = Type.Object({ nodeId: Id(), versionId: Id() });

// Literals written out (not mapped from a list) so that `Static` keeps them: the web's types come from here.
export const Role = Type.Union([Type.Literal('read'), Type.Literal('contribute'), Type.Literal('manage'), Type.Literal('owner')]);
export type Role = Static<typeof Role>;

export const Item = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('folder'), Type.Literal('file')]),
  name: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  size: Type.Integer(),
  mediaType: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.Integer(), Type.Null()]),
  thumbnail: Type.Boolean(),
  blobId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Item = Static<typeof Item>;

export const ItemWithRole = Type.Composite([Item, Type.Object({ role: Role })]);

export const Page = Type.Object({ items: Type.Array(Item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type Page = Static<typeof Page>;

export const ListQuery = Type.Object({
  folderId: Type.Optional(Id()),
  sort: Type.Union([Type.Literal('name'), Type.Literal('date'), Type.Literal('size')], { default: 'name' }),
  order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 600, pattern: '^[A-Za-z0-9_-]+$' })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 100 }),
}, { additionalProperties: false });
export type ListQuery = Static<typeof ListQuery>;

/** A node with where it is: the readable folders above it (nearest last) and the user's role. */
export const NodeDetails = Type.Object({
  item: Item,
  role: Role,
  path: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  following: Type.Boolean(),
});
export type NodeDetails = Static<typeof NodeDetails>;

export const FolderInput = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }), parentId: Type.Optional(Id()) }, { additionalProperties: false });
export const RenameInput = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false });
/** A destination folder; absent or null: the top of the user's space. */
export const DestinationInput = Type.Object({ folderId: Type.Optional(Type.Union([Id(), Type.Null()])) }, { additionalProperties: false });

export const Placed = Type.Object({ id: Type.Integer(), name: Type.String(), parentId: Type.Union([Type.Integer(), Type.Null()]), version: Type.Integer(), newVersion: Type.Boolean() });

export const Version = Type.Object({
  id: Type.Integer(),
  number: Type.Integer(),
  name: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String(),
  author: Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
  current: Type.Boolean(),
});
export type Version = Static<typeof Version>;

export const TrashItem = Type.Composite([Item, Type.Object({ trashedAt: Type.String(), purgeAt: Type.String() })]);
export type TrashItem = Static<typeof TrashItem>;

export const SharedPage = Type.Object({
  people: Type.Array(Type.Object({
    sharedBy: Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()]),
    items: Type.Array(ItemWithRole),
  })),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type SharedPage = Static<typeof SharedPage>;
