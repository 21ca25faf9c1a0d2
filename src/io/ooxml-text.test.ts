import { describe, expect, it } from 'vitest';
import { excelEscapes } from '../../test/fixtures/office/xml';
import { decodeOoxmlEscapes } from './ooxml-text';

describe('decodeOoxmlEscapes', () => {
  it.each([
    ['第一行_x000D_\n第二行', '第一行\r\n第二行'],
    ['tab_x0009_end', 'tab\tend'],
    ['_x005F_x000D_', '_x000D_'],
    ['_x005f_x0041_', '_x0041_'],
    ['_x00_ and _xZZZZ_ stay', '_x00_ and _xZZZZ_ stay'],
    ['没有转义', '没有转义'],
  ])('%j → %j', (stored, meant) => {
    expect(decodeOoxmlEscapes(stored)).toBe(meant);
  });

  it('undoes what Excel writes, for every control character and literal escape', () => {
    const texts = ['a\r\nb', '\u0001\u001f', '_x000D_ typed', '__x0041__', '行\r尾\r'];
    for (const text of texts) expect(decodeOoxmlEscapes(excelEscapes(text))).toBe(text);
  });
});
