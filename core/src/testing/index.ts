/**
 * `@preau/core/testing`: boot the real platform in tests, on PGlite or PostgreSQL, with factories.
 * @packageDocumentation
 */
export { createTestPlatform, TEST_PASSWORD } from './create-test-platform.js';
export type { TestPlatform, TestPlatformOptions, TestUser, TestClass, RequestsAs } from './create-test-platform.js';
export { createTestDatabase, defaultTestDatabase, testPostgresUrl } from './test-database.js';
export type { TestDatabaseKind } from './test-database.js';
export { createTestClock } from './test-clock.js';
export type { TestClock } from './test-clock.js';
export { generateOndeSchool, generateOndeAcademy } from './generate-onde.js';
export { XSS_PAYLOADS } from './xss-payloads.js';
export { PEER_XSS_CORPUS } from './peer-xss-corpus.js';
export type { PeerXssCase } from './peer-xss-corpus.js';
export { fileUpload, filesUpload } from './file-upload.js';
export { waitFor } from './test-queries.js';
export type { SentNotification } from './test-queries.js';
export { startSmtpSink } from './smtp-sink.js';
export type { SmtpSink, ReceivedMail } from './smtp-sink.js';
export type { School } from '../structure/schools.js';
