import { Id, Type, fieldLabel, type Static } from '@preau/sdk';

/**
 * Where a recording is: being uploaded, being converted to a format every browser plays, playable (`ready`),
 * playable as recorded because the server has no ffmpeg (`original`), or not convertible (`failed`, with why;
 * the original is kept).
 */
export const RecordingStatus = Type.Union([
  Type.Literal('uploading'), Type.Literal('converting'), Type.Literal('ready'), Type.Literal('original'), Type.Literal('failed'),
]);
export type RecordingStatus = Static<typeof RecordingStatus>;

export const RecordingKind = Type.Union([Type.Literal('audio'), Type.Literal('video')]);
export type RecordingKind = Static<typeof RecordingKind>;

/** A recording as the API returns it; `src` and `poster` are the addresses a text inserts. */
export const Recording = Type.Object({
  id: Type.Integer(),
  kind: RecordingKind,
  name: Type.String(),
  status: RecordingStatus,
  size: Type.Integer(),
  received: Type.Integer(),
  src: Type.Union([Type.String(), Type.Null()]),
  poster: Type.Union([Type.String(), Type.Null()]),
  mediaType: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  trimStartMs: Type.Union([Type.Integer(), Type.Null()]),
  trimEndMs: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Recording = Static<typeof Recording>;

/** What starting an upload takes: the kind, a name, the exact size in bytes and the part to keep. */
export const RecordingInput = Type.Object({
  kind: RecordingKind,
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', ...fieldLabel('Nom', 'Name') }),
  size: Type.Integer({ minimum: 1, maximum: 2 ** 42 }),
  trimStartMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 * 3600_000 })),
  trimEndMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 3600_000 })),
}, { additionalProperties: false });
export type RecordingInput = Static<typeof RecordingInput>;

export const RecordingParams = Type.Object({ recordingId: Id() }, { additionalProperties: false });
export const ChunkQuery = Type.Object({ offset: Type.Integer({ minimum: 0, maximum: 2 ** 42 }) }, { additionalProperties: false });

/** What the recorder needs to know before recording. */
export const MediaStatus = Type.Object({
  /** False: recordings are kept and played as the browser made them (no conversion, no trim). */
  converts: Type.Boolean(),
  audioLimitSeconds: Type.Integer(),
  videoLimitSeconds: Type.Integer(),
  chunkBytes: Type.Integer(),
  /** The recorder offers the screen (a teacher's explanation): to staff, not to pupils nor families. */
  mayRecordScreen: Type.Boolean(),
});

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
/** Every 4xx and 5xx body: `{ code, message, details? }`. */
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };
