import { describe, expect, it } from 'vitest';
import { createSession, runLine } from '../../session.ts';
import { type } from '../../testing/type-lines.ts';

// jq as typed at the host prompt: files, pipes, error locations, and the limits that keep a typed
// program from hanging the page. (Byte-exact comparisons with jq 1.6 live in command.golden.test.ts.)

describe('jq reading files', () => {
  it('reads a file operand and names it in error locations', () => {
    const r = type(createSession(), `printf '{"a":[1]}\\n' > x.json`, 'jq -c .a x.json', 'jq .a.b x.json');
    expect(r.stdout[1]).toBe('[1]\n');
    expect(r.stderr[2]).toBe('jq: error (at x.json:1): Cannot index array with string "b"\n');
    expect(r.codes.slice(1)).toEqual([0, 5]);
  });

  it('reports a missing file and goes on with the others, exit 2', () => {
    const r = type(createSession(), 'echo 1 > one.json', 'jq . nope.json one.json');
    expect(r.stdout[1]).toBe('1\n');
    expect(r.stderr[1]).toBe('jq: error: Could not open file nope.json: No such file or directory\n');
    expect(r.codes[1]).toBe(2);
  });
});

describe('jq on docker inspect output', () => {
  it('locates an error at the last line of the input, as jq counts lines', () => {
    const session = runLine(createSession(), 'docker run -d --name nginx demo').session;
    const lines =
      runLine(session, 'docker inspect nginx')
        .output.map((o) => o.text)
        .join('')
        .split('\n').length - 1;
    const r = type(session, 'docker inspect nginx | jq .RootFS');
    expect(r.stderr[0]).toBe(`jq: error (at <stdin>:${lines}): Cannot index array with string "RootFS"\n`);
    expect(r.codes[0]).toBe(5);
  });

  it('prints strings raw with -r', () => {
    const r = type(
      createSession(),
      "docker image inspect demo | jq -r '.[0].RepoTags[]'",
      "docker image inspect demo | jq -r '.[0].Os, .[0].Size'",
    );
    expect(r.stdout[0]).toBe('demo:latest\n');
    expect(r.stdout[1]).toMatch(/^linux\n\d+\n$/);
  });

  it('turns the daemon escapes back into characters', () => {
    const r = type(
      createSession(),
      "docker run --name amp demo sh -c 'true && true'",
      "docker inspect amp | jq -r '.[0].Args[1]'",
    );
    expect(r.stdout[1]).toBe('true && true\n');
  });
});

describe('jq errors', () => {
  it('exits 3 on a compile error before reading input', () => {
    const r = type(createSession(), "jq '.[0'");
    expect(r.stderr[0]).toBe(
      'jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 1:\n.[0  \njq: 1 compile error\n',
    );
    expect(r.codes[0]).toBe(3);
  });

  it('exits 4 on invalid JSON, after the values before it', () => {
    const r = type(createSession(), "echo '1 {x}' | jq .");
    expect(r.stdout[0]).toBe('1\n');
    expect(r.stderr[0]).toBe('parse error: Invalid numeric literal at line 1, column 5\n');
    expect(r.codes[0]).toBe(4);
  });

  it('runs `.` with no filter when input is piped', () => {
    const r = type(createSession(), 'echo \'{"a":1}\' | jq');
    expect(r.stdout[0]).toBe('{\n  "a": 1\n}\n');
  });

  it('is a host command: not found inside a container', () => {
    const r = type(createSession(), 'docker run -d --name c1 demo', 'docker exec c1 jq .');
    expect(r.codes[1]).not.toBe(0);
  });
});

describe('jq limits', () => {
  it('stops a runaway generator with an error instead of hanging', () => {
    const r = type(createSession(), "jq -n '[range(1e12)] | length'");
    expect(r.codes[0]).toBe(5);
    expect(r.stderr[0]).toMatch(/^jq: error \(at <unknown>\): /);
  });

  it('stops unbounded recursion', () => {
    const r = type(createSession(), "jq -n 'def f: 1 + f; f'");
    expect(r.codes[0]).toBe(5);
  });
});
