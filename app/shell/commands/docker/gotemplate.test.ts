import { describe, expect, it } from 'vitest';
import type { GoValue } from './gotemplate.ts';
import {
  executeTemplate,
  goFloat,
  goJson,
  goSprint,
  goSprintf,
  jsonIndent,
  parseTemplate,
  ptr,
  slice,
  strMap,
  struct,
  toRaw,
} from './gotemplate.ts';

// The Go text/template subset behind `docker inspect -f`, on small hand-made values. What real
// dockerd + CLI 28 print for the same templates is checked end to end in inspect.test.ts.

const STATE = ptr(
  struct('container.State', [
    ['Status', 'running'],
    ['Running', true],
    ['Pid', 42],
    ['Health', ptr(null, 'container.Health'), 'omit'],
  ]),
  'container.State',
);
const DOT: GoValue = struct('demo.Inspect', [
  ['Name', '/web'],
  ['Args', slice(['-c', 'a && b'])],
  ['Env', slice(null)],
  ['State', STATE],
  ['Labels', strMap({ b: '2', a: '1' })],
]);

function run(src: string, dot: GoValue = DOT): string {
  const p = parseTemplate(src);
  if (!p.ok) return `PARSE ${p.error}`;
  const typed = executeTemplate(p.template, dot, { missingKeyError: false, raw: false });
  if (typed.ok) return typed.out;
  const raw = executeTemplate(p.template, toRaw(dot), { missingKeyError: true, raw: true });
  return raw.ok ? raw.out : `EXEC ${raw.error}`;
}

describe('printing values as fmt does', () => {
  it('prints structs, maps (sorted) and slices like Go', () => {
    expect(run('{{.State}}')).toBe('{running true 42 <nil>}');
    expect(run('{{.Labels}} {{.Args}} {{.Env}}')).toBe('map[a:1 b:2] [-c a && b] []');
    expect(run('{{.}}')).toMatch(/^\{\/web \[-c a && b\] \[\] 0xc[0-9a-f]+ map\[a:1 b:2\]\}$/);
  });

  it('marks missing map keys <no value> and nil pointers <nil>', () => {
    expect(run('{{.Labels.zzz}}|{{.State.Health}}')).toBe('<no value>|<nil>');
  });

  it('formats floats with %v rules', () => {
    expect([1e21, 1e20, 0.0001, 0.00001, 1.5, -0].map(goFloat)).toEqual([
      '1e+21',
      '100000000000000000000',
      '0.0001',
      '1e-05',
      '1.5',
      '-0',
    ]);
  });
});

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

describe('actions and functions', () => {
  const cases: [string, string][] = [
    ['{{if .State.Running}}up{{else}}down{{end}}', 'up'],
    ['{{with .State}}{{.Status}}{{end}}', 'running'],
    ['{{range $i, $a := .Args}}{{$i}}:{{$a}} {{end}}', '0:-c 1:a && b '],
    ['{{range .Env}}x{{else}}none{{end}}', 'none'],
    ['{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}', 'a=1;b=2;'],
    ['{{join .Args "|"}}', '-c|a && b'],
    ['{{index .Args 1}} {{index .Labels "a"}} {{len .Args}}', 'a && b 1 2'],
    ['{{upper .Name}} {{title "docker inspect"}} {{split "a:b" ":"}}', '/WEB Docker Inspect [a b]'],
    ['{{printf "%-6s|%5d|%q" .Name .State.Pid .Name}}', '/web  |   42|"/web"'],
    ['{{.Name | printf "%s!"}}', '/web!'],
    ['{{- " a " -}} b {{- "c"}}', ' a bc'],
    ['{{/* a comment */}}x', 'x'],
    [
      '{{eq .State.Pid 42}} {{ne .Name "/web"}} {{lt 1 2}} {{and 1 0 2}} {{or 0 "" "z"}} {{not .Env}}',
      'true false true 0 z true',
    ],
    ['{{$n := .Name}}{{range .Args}}{{$n}}{{end}}', '/web/web'],
  ];
  for (const [src, want] of cases) it(`runs ${src}`, () => expect(run(src)).toBe(want));
});

describe('errors, as the CLI reports them', () => {
  it('parse errors name the line', () => {
    expect(run('{{.Name')).toBe('PARSE template: :1: unclosed action');
    expect(run('a\n{{end}}')).toBe('PARSE template: :2: unexpected {{end}}');
    expect(run('{{if .Name}}')).toBe('PARSE template: :1: unexpected EOF');
    expect(run('{{foo .Name}}')).toBe('PARSE template: :1: function "foo" not defined');
    expect(run('{{$x}}')).toBe('PARSE template: :1: undefined variable "$x"');
  });

  it('execution errors name the line, byte column and node', () => {
    expect(run('{{.Nope}}')).toBe(
      'EXEC template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"',
    );
    expect(run('é {{.State.Nope}}')).toBe(
      'EXEC template: :1:11: executing "" at <.State.Nope>: map has no entry for key "Nope"',
    );
    expect(run('{{index .Args 7}}')).toBe(
      'EXEC template: :1:2: executing "" at <index .Args 7>: error calling index: index out of range: 7',
    );
    expect(run('{{join .Args}}')).toBe(
      'EXEC template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1',
    );
  });

  it('never throws, even on hostile input', () => {
    for (const src of [
      '{{',
      '}}',
      '{{(((',
      '{{range 100000000}}{{.}}{{end}}',
      '{{define "a"}}{{template "a"}}{{end}}{{template "a"}}',
      '{{printf "%999999999d" 1}}',
    ])
      expect(() => run(src)).not.toThrow();
  });
});

describe('fmt.Sprintf', () => {
  it('reports wrong, missing and extra arguments like Go', () => {
    expect(goSprintf('%d %s', ['x'])).toBe('%!d(string=x) %!s(MISSING)');
    expect(goSprintf('%s', ['a', 1])).toBe('a%!(EXTRA int=1)');
    expect(goSprintf('%v %+v', [STATE, STATE])).toBe(
      '&{running true 42 <nil>} &{Status:running Running:true Pid:42 Health:<nil>}',
    );
    expect(goSprint(slice(['a', 'b']))).toBe('[a b]');
  });
});
