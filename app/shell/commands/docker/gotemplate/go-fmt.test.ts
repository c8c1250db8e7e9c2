import { describe, expect, it } from 'vitest';
import { goFloat, goSprint, goSprintf } from './go-fmt.ts';
import { slice } from './go-values.ts';
import { run, STATE } from './testing.ts';

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
