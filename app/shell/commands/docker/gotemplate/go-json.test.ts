import { describe, expect, it } from 'vitest';
import { goJson, jsonIndent } from './go-json.ts';
import { DOT, run } from './testing.ts';

describe('JSON as encoding/json writes it', () => {
  it('escapes HTML characters unless told not to, omits empty omitempty fields', () => {
    expect(goJson(DOT, { escapeHTML: true, shortBF: false })).toBe(
      '{"Name":"/web","Args":["-c","a \\u0026\\u0026 b"],"Env":null,"State":{"Status":"running","Running":true,"Pid":42},"Labels":{"a":"1","b":"2"}}',
    );
    expect(run('{{json .Args}}')).toBe('["-c","a && b"]');
  });

  it('writes \\b as \\u0008 for dockerd (Go 1.19) and \\b for the CLI', () => {
    expect(goJson('\b<', { escapeHTML: true, shortBF: false })).toBe('"\\u0008\\u003c"');
    expect(goJson('\b<', { escapeHTML: false, shortBF: true })).toBe('"\\b<"');
  });

  it('indents like json.Indent, keeping [] and {} closed', () => {
    expect(jsonIndent('[{"a":[],"b":{},"c":[1,"x,y"]}]', '    ')).toBe(
      '[\n    {\n        "a": [],\n        "b": {},\n        "c": [\n            1,\n            "x,y"\n        ]\n    }\n]',
    );
  });
});
