// Every native builtin by name/arity, family by family.

import type { Native } from '../runtime.ts';
import { addArrays } from './arrays.ts';
import { addCore, addHalt } from './core.ts';
import { addFormats } from './formats.ts';
import { addIo } from './io.ts';
import { addMath } from './math.ts';
import type { Register } from './native.ts';
import { addPaths } from './paths.ts';
import { addRegex, addSplits } from './regex.ts';
import { addAscii, addStrings } from './strings.ts';
import { addValues } from './values.ts';

export function natives(): Map<string, Native> {
  const m = new Map<string, Native>();
  const add: Register = (key, n) => void m.set(key, n);
  // This order is the order `builtins` lists the names in; splits, ascii and the halts have always
  // come after the math functions.
  addCore(add);
  addValues(add);
  addStrings(add);
  addRegex(add);
  addArrays(add);
  addPaths(add);
  addIo(add, () => natives().keys());
  addMath(add);
  addSplits(add);
  addAscii(add);
  addHalt(add);
  addFormats(add);
  return m;
}
