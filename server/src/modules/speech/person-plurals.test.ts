import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { personTextsDir } from '../../config/paths';
import { personText } from './person-texts';

/*
 * The rights sheet's numbers read right for any value the jurisdiction sets, not only today's 30 days and 6 months:
 * the person view's i18next (the browser) and the server's speech pick the same plural form of each language.
 */
const LANGUAGES = ['en', 'cs', 'ro', 'ru', 'uk', 'ar', 'sr', 'th'];
const texts = (language: string) => JSON.parse(fs.readFileSync(path.join(personTextsDir, `${language}.json`), 'utf8')) as Record<string, unknown>;

let t: (language: string, key: string, count: number) => string;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    fallbackLng: 'en',
    ns: ['person'],
    defaultNS: 'person',
    interpolation: { escapeValue: false },
    resources: Object.fromEntries(LANGUAGES.map((language) => [language, { person: texts(language) }])),
  });
  t = (language, key, count) => instance.getFixedT(language)(key, { count });
});

const EXPECTED: Array<[language: string, key: string, count: number, words: string]> = [
  ['en', 'rights.reflection.period', 1, 'at least 1 day to'],
  ['en', 'rights.reflection.period', 30, 'at least 30 days to'],
  ['cs', 'rights.reflection.period', 1, 'nejméně 1 den na'],
  ['cs', 'rights.reflection.period', 3, 'nejméně 3 dny na'],
  ['cs', 'rights.reflection.period', 30, 'nejméně 30 dní na'],
  ['cs', 'rights.reflection.upTo', 4, 'až 4 měsíce.'],
  ['cs', 'rights.reflection.upTo', 6, 'až 6 měsíců.'],
  ['ro', 'rights.reflection.period', 1, 'cel puțin 1 zi ca'],
  ['ro', 'rights.reflection.period', 14, 'cel puțin 14 zile ca'],
  ['ro', 'rights.reflection.period', 30, 'cel puțin 30 de zile ca'],
  ['ro', 'rights.reflection.upTo', 6, 'până la 6 luni.'],
  ['ro', 'rights.reflection.upTo', 24, 'până la 24 de luni.'],
  ['ru', 'rights.reflection.period', 21, 'не менее 21 дня,'],
  ['ru', 'rights.reflection.period', 30, 'не менее 30 дней,'],
  ['ru', 'rights.reflection.upTo', 3, 'до 3 месяцев.'],
  ['uk', 'rights.reflection.period', 1, 'щонайменше 1 день,'],
  ['uk', 'rights.reflection.period', 3, 'щонайменше 3 дні,'],
  ['uk', 'rights.reflection.period', 30, 'щонайменше 30 днів,'],
  ['ar', 'rights.reflection.period', 1, 'يوم واحد'],
  ['ar', 'rights.reflection.period', 2, 'يومان'],
  ['ar', 'rights.reflection.period', 5, '5 أيام'],
  ['ar', 'rights.reflection.period', 30, '30 يومًا'],
  ['ar', 'rights.reflection.period', 100, '100 يوم'],
  ['ar', 'rights.reflection.upTo', 6, '6 أشهر'],
  ['ar', 'rights.reflection.upTo', 12, '12 شهرًا'],
  ['sr', 'rights.reflection.upTo', 6, 'do 6 meseci.'],
  ['sr', 'rights.reflection.upTo', 2, 'do 2 meseca.'],
  ['th', 'rights.reflection.period', 1, 'อย่างน้อย 1 วัน'],
];

it.each(EXPECTED)('%s %s with %d reads "%s" in the person view and in speech', (language, key, count, words) => {
  expect(t(language, key, count)).toContain(words);
  expect(personText(language, key, { count })).toEqual({ text: t(language, key, count), language });
});
