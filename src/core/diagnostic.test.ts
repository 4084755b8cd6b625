import { describe, expect, it } from 'vitest';
import { formatMessage } from './diagnostic.js';

describe('formatMessage', () => {
  it('fills placeholders from data, keeping those it has no value for', () => {
    expect(formatMessage('"{{name}}" is {{ bytes }} bytes, not {{limit}}', { name: 'a_b', bytes: 70 })).toBe('"a_b" is 70 bytes, not {{limit}}');
    expect(formatMessage('{{a}}{{b}}', { a: 1, b: 'x' })).toBe('1x');
    expect(formatMessage('{{layer.from}} -> {{layer-to}}.', { 'layer.from': 'domain', 'layer-to': 'infrastructure' })).toBe('domain -> infrastructure.');
    expect(formatMessage('no placeholders', { a: 1 })).toBe('no placeholders');
    expect(formatMessage('{{ a }}', undefined)).toBe('{{ a }}');
  });

  it('gives the same text on every call with the same template, whatever the data', () => {
    const template = 'Index {{index}} on {{table}} locks {{table}}';
    expect(formatMessage(template, { index: 'i1', table: 'orders' })).toBe('Index i1 on orders locks orders');
    expect(formatMessage(template, { index: 'i2', table: 'users' })).toBe('Index i2 on users locks users');
    expect(formatMessage(template, { index: 'i3' })).toBe('Index i3 on {{table}} locks {{table}}');
  });
});
