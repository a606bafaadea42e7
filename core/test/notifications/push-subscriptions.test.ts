import t from 'tap';
import { browserOf, endpointAllowed } from '../../src/notifications/push-subscriptions.js';

const ORIGINS = ['https://fcm.googleapis.com', 'https://*.push.apple.com'];

t.test('a subscription may point only at an allowed push service, a wildcard matching its subdomains only', async (t) => {
  t.ok(endpointAllowed('https://fcm.googleapis.com/fcm/send/abc', ORIGINS));
  t.ok(endpointAllowed('https://web.push.apple.com/QGx', ORIGINS));
  t.notOk(endpointAllowed('https://push.apple.com/QGx', ORIGINS), 'the wildcard needs a subdomain');
  t.notOk(endpointAllowed('https://evilpush.apple.com.example/QGx', ORIGINS), 'a look-alike host');
  t.notOk(endpointAllowed('https://fcm.googleapis.com.evil.example/x', ORIGINS));
  t.notOk(endpointAllowed('http://fcm.googleapis.com/fcm/send/abc', ORIGINS), 'not over plain http');
  t.notOk(endpointAllowed('https://fcm.googleapis.com:8443/x', ORIGINS), 'not on another port');
  t.notOk(endpointAllowed('https://user:pw@fcm.googleapis.com/x', ORIGINS), 'no credentials in the address');
  t.notOk(endpointAllowed('http://10.0.0.5/admin', ORIGINS), 'nothing inside the network');
  t.notOk(endpointAllowed('not a url', ORIGINS));
});

t.test('a device is named by its browser and system, in French', async (t) => {
  t.equal(browserOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'), 'Safari sur iOS');
  t.equal(browserOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'), 'Edge sur Windows');
  t.equal(browserOf(undefined), 'Navigateur');
});
