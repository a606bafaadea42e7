import t from 'tap';
import { defineTexts, formatDateTime } from '../src/web/format.js';

t.test('an app defines its texts once and reads them in French or English, with values filled in', async (t) => {
  const texts = defineTexts({
    sentOn: { fr: 'Envoyé le {date}', en: 'Sent on {date}' },
    counts: { fr: '{ack}/{pupils} lus', en: '{ack}/{pupils} read' },
  });
  t.equal(texts.text('sentOn'), 'Envoyé le {date}', 'French by default');
  t.equal(texts.format('counts', 'fr', { ack: 7, pupils: 27 }), '7/27 lus');
  t.equal(texts.format('counts', 'en', { ack: 7 }), '7/{pupils} read', 'a missing value stays visible');
});

t.test('instants are written in Europe/Paris whatever the machine', async (t) => {
  t.match(formatDateTime('2026-11-26T09:00:00Z'), /jeudi 26 novembre.*10:00/, 'winter: UTC+1');
  t.match(formatDateTime('2026-06-25T09:00:00Z', 'en'), /Thursday.*25 June.*11:00/, 'summer: UTC+2, in English');
});
