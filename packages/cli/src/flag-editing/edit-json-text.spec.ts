import { describe, expect, it } from 'vitest';
import { editJsonText, formattingOf } from './edit-json-text.js';

describe(editJsonText.name, () => {
  const text = '{\n    "a": 1,\n    "b": { "c": [1, 2] }\n}\n';

  it('changes only the bytes of the value', () => {
    expect(editJsonText(text, ['b', 'c', 1], 3)).toBe(text.replace('[1, 2]', '[1, 3]'));
  });

  it('inserts an object on one line after the named sibling, in the file’s indentation', () => {
    expect(editJsonText(text, ['x'], { y: [['live', 1]] }, { after: 'a' })).toBe('{\n    "a": 1,\n    "x": { "y": [["live", 1]] },\n    "b": { "c": [1, 2] }\n}\n');
  });

  it('removes a property', () => {
    expect(editJsonText(text, ['b'], undefined)).toBe('{\n    "a": 1\n}\n');
  });
});

describe(formattingOf.name, () => {
  it('detects tabs, spaces and CRLF', () => {
    expect(formattingOf('{\r\n\t"a": 1\r\n}')).toMatchObject({ insertSpaces: false, eol: '\r\n' });
    expect(formattingOf('{\n  "a": 1\n}')).toMatchObject({ insertSpaces: true, tabSize: 2, eol: '\n' });
  });
});
