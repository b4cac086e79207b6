import { speakableHtml, speakableItems } from './speakable-text';
import { nextSpokenLanguage, voiceFor } from './speech-voices';

describe('speakableHtml', () => {
  it('reads the text of a paragraph: tags dropped, blocks as lines, entities decoded', () => {
    expect(speakableHtml('<p>You have the <strong>right</strong> to be safe.</p><p>A&amp;B &lt;ok&gt; &#1055;&#x0456;&nbsp;x</p>')).toBe(
      'You have the right to be safe.\nA&B <ok> Пі x',
    );
    expect(speakableHtml('<ul><li>one</li><li>two</li></ul><script>alert(1)</script>')).toBe('one\ntwo');
    expect(speakableHtml('   <p> </p> ')).toBe('');
  });
});

describe('speakableItems', () => {
  const definition = {
    components: [
      {
        type: 'panel', key: 'section', title: 'Rights', input: false, components: [
          { type: 'content', key: 'intro', input: false, html: '<p>For the worker.</p>', properties: { audience: 'staff' } },
          { type: 'content', key: 'safe', input: false, html: '<p>You have the right to be safe.</p>' },
          { type: 'radio', key: 'understood', input: true, label: 'Did you understand?', values: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }] },
          { type: 'textfield', key: 'hiddenOne', input: true, label: 'Hidden', hidden: true },
        ],
      },
      { type: 'button', key: 'submit', input: true, label: 'Save' },
    ],
  };
  const translations = { uk: { '<p>You have the right to be safe.</p>': '<p>Ви маєте право бути в безпеці.</p>', 'Did you understand?': 'Чи ви зрозуміли?', Yes: 'Так' } };

  it('lists the paragraphs and questions in reading order, with the language each is in', () => {
    expect(speakableItems(definition, translations, 'uk')).toEqual([
      { keyPath: 'section.safe', kind: 'paragraph', text: 'Ви маєте право бути в безпеці.', language: 'uk' },
      // "No" has no Ukrainian translation: the whole question is read as written rather than in two languages.
      { keyPath: 'section.understood', kind: 'question', text: 'Did you understand?\nYes\nNo', language: 'en' },
    ]);
    expect(speakableItems(definition, translations, 'en').map((item) => item.language)).toEqual(['en', 'en']);
  });
});

describe('voices', () => {
  it('has none for the languages espeak-ng cannot speak, and finds the next one that it can', () => {
    expect(['ps', 'ckb', 'yo', 'ig', 'pcm', 'fil'].map(voiceFor)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(voiceFor('zh')).toBe('cmn');
    expect(voiceFor('xx')).toBeUndefined();
    expect(nextSpokenLanguage(['ps', 'fil', 'fa', 'en'], 'ps')).toBe('fa');
    expect(nextSpokenLanguage(['ps', 'yo'], 'ps')).toBeUndefined();
  });
});
