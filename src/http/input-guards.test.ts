import { describe, expect, it } from 'vitest';
import { jsonTextProblem } from './input-guards.js';

describe('jsonTextProblem', () => {
  it('passes ordinary JSON, brackets and escapes inside strings included', () => {
    expect(jsonTextProblem('{"a":[1,{"b":"[[[{{{"}],"c":"\\\\u0000 is text here","d":"\\u00e9"}')).toBeNull();
    expect(jsonTextProblem(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeNull();
  });

  it('refuses NUL in a string', () => {
    expect(jsonTextProblem('{"name":"a\\u0000b"}')).toMatch(/NUL/);
  });

  it('refuses nesting deeper than 64 levels, however it is written', () => {
    expect(jsonTextProblem(`${'['.repeat(65)}${']'.repeat(65)}`)).toMatch(/nested deeper than 64/);
    expect(jsonTextProblem(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)).toMatch(/nested/);
  });
});
