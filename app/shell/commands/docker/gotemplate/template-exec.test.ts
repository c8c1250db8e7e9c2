import { describe, expect, it } from 'vitest';
import { run } from './testing.ts';

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
