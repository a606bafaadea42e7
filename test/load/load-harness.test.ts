import t from 'tap';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultTestDatabase } from '@preau/core/testing';
import { serverErrors, type LoadReport } from './load-report.js';
import { BASELINE_KIND, HOME_PAGE_KIND } from './simulated-user.js';

const HARNESS = fileURLToPath(new URL('./load.ts', import.meta.url));
const HOME_REQUESTS = ['GET /api/core/setup', 'GET /api/core/me', 'GET /api/core/apps', 'GET /api/core/timeline', 'GET /api/core/timeline/unread-count', 'GET /api/news/flash', 'GET /api/news/headlines'];

// The harness needs a PostgreSQL server (it creates its own database and runs `preau start` on it).
t.test('a tiny school morning completes with a full report and no server error', { skip: defaultTestDatabase() !== 'postgres' && 'the load harness runs on PostgreSQL only', timeout: 240_000 }, async (t) => {
  // Parameters of its own (4 classes of 10), so that a developer's kept dataset is not the one dropped.
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--conditions=@preau/source', '--import', 'tsx', HARNESS,
    '--schools', '1', '--classes', '4', '--pupils', '10', '--users', '20', '--ramp', '5', '--duration', '15', '--fresh', '--drop', '--json',
  ], { maxBuffer: 16 * 1024 * 1024 });
  const report = JSON.parse(stdout) as LoadReport;
  t.equal(report.dataset.reused, false, 'the dataset was built for the run');
  t.equal(report.morning.users, 20);
  const counted = new Map(report.kinds.map((row) => [row.kind, row.count]));
  for (const kind of HOME_REQUESTS) t.ok((counted.get(kind) ?? 0) > 0, `the home page's ${kind} was measured`);
  t.equal(counted.get(HOME_PAGE_KIND), 20, 'every user loaded the home page');
  t.ok((counted.get(BASELINE_KIND) ?? 0) > 0, 'the baseline was measured in the same run');
  t.equal(report.morning.openSockets, 20, "every user's socket was open at the end of the morning");
  t.ok(report.signIns.count > 0 && report.signIns.perSecond > 0, 'sign-in throughput was measured apart');
  t.equal(serverErrors(report), 0, 'no 5xx');
});
