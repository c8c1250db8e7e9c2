import { describe, expect, it } from 'vitest';
import { run } from './testing.ts';

describe('errors, as the CLI reports them', () => {
  it('parse errors name the line', () => {
    expect(run('{{.Name')).toBe('PARSE template: :1: unclosed action');
    expect(run('a\n{{end}}')).toBe('PARSE template: :2: unexpected {{end}}');
    expect(run('{{if .Name}}')).toBe('PARSE template: :1: unexpected EOF');
    expect(run('{{foo .Name}}')).toBe('PARSE template: :1: function "foo" not defined');
    expect(run('{{$x}}')).toBe('PARSE template: :1: undefined variable "$x"');
  });
});
