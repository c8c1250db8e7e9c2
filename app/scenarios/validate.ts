import type { CheckKind, Lesson } from './types.ts';
import { AREAS, FIGURES } from './types.ts';

/**
 * Lessons are data, checked when loaded: a malformed one is refused with messages naming each thing
 * wrong by its path (`steps[3].check.text: …`), never half-loaded and never a crash.
 */
export type Validated =
  { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly errors: readonly string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PLACEHOLDER = /\{(\w+):([^{}]*)\}/g;
const PLACEHOLDER_KINDS = new Set(['id', 'mount', 'initLink']);
const STATES = ['created', 'running', 'exited'];

/** Fields of each check kind: name → what it must be ('?' after the type: optional). */
const CHECK_FIELDS: Record<CheckKind, Record<string, string>> = {
  outputContains: { text: 'strings' },
  outputLacks: { text: 'strings' },
  outputHasLayers: { ref: 'string' },
  exitCode: { code: 'int' },
  containerExists: { name: 'string', state: 'state?' },
  containerGone: { name: 'string' },
  insideContainer: { name: 'string?', image: 'string?' },
  onHost: {},
  cwdIs: { path: 'path' },
  imageExists: { ref: 'string' },
  imageNotSmaller: { ref: 'string', than: 'string' },
  pathInUpper: { container: 'string', path: 'path', type: 'filetype?', content: 'text?' },
  whiteoutAt: { container: 'string', path: 'path' },
  opaqueAt: { container: 'string', path: 'path' },
  mergedHas: { container: 'string', path: 'path', content: 'text?' },
  mergedLacks: { container: 'string', path: 'path' },
  diffEquals: { container: 'string', lines: 'strings' },
  diffIncludes: { container: 'string', lines: 'strings' },
  volumeHas: { volume: 'string', path: 'path', content: 'text?' },
  upperSizeAtLeast: { container: 'string', bytes: 'int' },
  all: { checks: 'checks' },
};

class Errors {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
}

function placeholders(e: Errors, path: string, s: string): void {
  for (const m of s.matchAll(PLACEHOLDER)) {
    if (!PLACEHOLDER_KINDS.has(m[1]!))
      e.add(path, `unknown placeholder {${m[1]}:…} (known: {id:NAME}, {mount:NAME}, {initLink:NAME})`);
    else if (m[2] === '') e.add(path, `placeholder {${m[1]}:} names no container`);
  }
}

function nonEmpty(e: Errors, path: string, v: unknown): v is string {
  if (typeof v !== 'string' || v.trim() === '') {
    e.add(path, `expected a non-empty string, got ${describe(v)}`);
    return false;
  }
  return true;
}

function unknownKeys(e: Errors, path: string, o: Obj, known: readonly string[]): void {
  for (const k of Object.keys(o))
    if (!known.includes(k)) e.add(`${path}.${k}`, `unknown field (known: ${known.join(', ')})`);
}

function text(e: Errors, path: string, v: unknown, extra: readonly string[] = []): void {
  if (!isObj(v)) return e.add(path, `expected { en, ko } texts, got ${describe(v)}`);
  nonEmpty(e, `${path}.en`, v['en']);
  nonEmpty(e, `${path}.ko`, v['ko']);
  unknownKeys(e, path, v, ['en', 'ko', ...extra]);
}

function field(e: Errors, path: string, v: unknown, type: string): void {
  const optional = type.endsWith('?');
  if (optional && v === undefined) return;
  const t = optional ? type.slice(0, -1) : type;
  switch (t) {
    case 'string':
      if (nonEmpty(e, path, v)) placeholders(e, path, v);
      return;
    case 'text':
      if (typeof v !== 'string') e.add(path, `expected a string, got ${describe(v)}`);
      return;
    case 'path':
      if (nonEmpty(e, path, v)) {
        if (!v.startsWith('/')) e.add(path, `expected an absolute path, got "${v}"`);
        placeholders(e, path, v);
      }
      return;
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
        e.add(path, `expected a whole number ≥ 0, got ${describe(v)}`);
      return;
    case 'state':
      if (typeof v !== 'string' || !STATES.includes(v))
        e.add(path, `expected one of ${STATES.join(', ')}, got ${describe(v)}`);
      return;
    case 'filetype':
      if (v !== 'file' && v !== 'dir') e.add(path, `expected file or dir, got ${describe(v)}`);
      return;
    case 'strings':
      if (!Array.isArray(v) || v.length === 0)
        e.add(path, `expected a non-empty list of strings, got ${describe(v)}`);
      else v.forEach((s, i) => field(e, `${path}[${i}]`, s, 'string'));
      return;
    case 'checks':
      if (!Array.isArray(v) || v.length === 0)
        e.add(path, `expected a non-empty list of checks, got ${describe(v)}`);
      else v.forEach((c, i) => check(e, `${path}[${i}]`, c));
      return;
    default:
      throw new Error(`validate: no rule for ${t}`);
  }
}

function check(e: Errors, path: string, v: unknown): void {
  if (!isObj(v)) return e.add(path, `expected a check, got ${describe(v)}`);
  const kind = v['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(CHECK_FIELDS, kind)) {
    return e.add(
      `${path}.kind`,
      `unknown check ${describe(kind)} (known: ${Object.keys(CHECK_FIELDS).join(', ')})`,
    );
  }
  const fields = CHECK_FIELDS[kind as CheckKind];
  for (const [name, type] of Object.entries(fields)) field(e, `${path}.${name}`, v[name], type);
  unknownKeys(e, path, v, ['kind', ...Object.keys(fields)]);
  if (kind === 'insideContainer' && v['name'] === undefined && v['image'] === undefined) {
    e.add(path, 'insideContainer needs a name or an image');
  }
}

function step(e: Errors, path: string, v: unknown, ids: Set<string>): void {
  if (!isObj(v)) return e.add(path, `expected a step, got ${describe(v)}`);
  if (nonEmpty(e, `${path}.id`, v['id'])) {
    if (!ID.test(v['id'])) e.add(`${path}.id`, `"${v['id']}" is not a lowercase-dashed id`);
    else if (ids.has(v['id'])) e.add(`${path}.id`, `"${v['id']}" is used by an earlier step`);
    ids.add(v['id']);
  }
  text(e, `${path}.narration`, v['narration']);
  const cmd = v['command'];
  if (cmd !== undefined) {
    if (!isObj(cmd)) e.add(`${path}.command`, `expected { line, by }, got ${describe(cmd)}`);
    else {
      if (nonEmpty(e, `${path}.command.line`, cmd['line'])) {
        placeholders(e, `${path}.command.line`, cmd['line']);
        if (cmd['line'].includes('\n')) e.add(`${path}.command.line`, 'one line only');
      }
      if (cmd['by'] !== 'type' && cmd['by'] !== 'you')
        e.add(`${path}.command.by`, `expected "type" or "you", got ${describe(cmd['by'])}`);
      unknownKeys(e, `${path}.command`, cmd, ['line', 'by']);
    }
    if (v['check'] === undefined)
      e.add(`${path}.check`, 'a step with a command needs a check that it happened');
  }
  if (v['check'] !== undefined) check(e, `${path}.check`, v['check']);
  if (v['lookAt'] !== undefined) {
    text(e, `${path}.lookAt`, v['lookAt'], ['area']);
    const area = isObj(v['lookAt']) ? v['lookAt']['area'] : undefined;
    if (area !== undefined && !AREAS.includes(area as never)) {
      e.add(`${path}.lookAt.area`, `expected one of ${AREAS.join(', ')}, got ${describe(area)}`);
    }
  }
  if (v['figure'] !== undefined && !FIGURES.includes(v['figure'] as never)) {
    e.add(`${path}.figure`, `expected one of ${FIGURES.join(', ')}, got ${describe(v['figure'])}`);
  }
  const quiz = v['quiz'];
  if (quiz !== undefined) {
    if (!isObj(quiz))
      e.add(`${path}.quiz`, `expected { question, choices, answer, explain }, got ${describe(quiz)}`);
    else {
      text(e, `${path}.quiz.question`, quiz['question']);
      text(e, `${path}.quiz.explain`, quiz['explain']);
      const choices = quiz['choices'];
      if (!Array.isArray(choices) || choices.length < 2)
        e.add(`${path}.quiz.choices`, `expected at least two choices, got ${describe(choices)}`);
      else choices.forEach((c, i) => text(e, `${path}.quiz.choices[${i}]`, c));
      const answer = quiz['answer'];
      const n = Array.isArray(choices) ? choices.length : 0;
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= n) {
        e.add(
          `${path}.quiz.answer`,
          `expected the index of one of the ${n} choices, got ${describe(answer)}`,
        );
      }
      unknownKeys(e, `${path}.quiz`, quiz, ['question', 'choices', 'answer', 'explain']);
      if (cmd === undefined) e.add(`${path}.command`, 'a quiz needs a command that plays its answer');
    }
  }
  unknownKeys(e, path, v, ['id', 'narration', 'command', 'lookAt', 'check', 'quiz', 'figure']);
}

/** A lesson from untrusted data, or every error found in it. */
export function validateLesson(v: unknown): Validated {
  const e = new Errors();
  if (!isObj(v)) return { ok: false, errors: [`lesson: expected an object, got ${describe(v)}`] };
  const name = typeof v['id'] === 'string' && v['id'] !== '' ? v['id'] : 'lesson';
  if (nonEmpty(e, `${name}.id`, v['id']) && !ID.test(v['id']))
    e.add(`${name}.id`, `"${v['id']}" is not a lowercase-dashed id`);
  if (v['kind'] !== 'tour' && v['kind'] !== 'lesson' && v['kind'] !== 'quiz') {
    e.add(`${name}.kind`, `expected "tour", "lesson" or "quiz", got ${describe(v['kind'])}`);
  }
  text(e, `${name}.title`, v['title']);
  text(e, `${name}.summary`, v['summary']);
  if (v['fresh'] !== undefined && typeof v['fresh'] !== 'boolean')
    e.add(`${name}.fresh`, `expected true or false, got ${describe(v['fresh'])}`);
  const steps = v['steps'];
  if (!Array.isArray(steps) || steps.length === 0)
    e.add(`${name}.steps`, `expected a non-empty list of steps, got ${describe(steps)}`);
  else {
    const ids = new Set<string>();
    steps.forEach((s, i) => step(e, `${name}.steps[${i}]`, s, ids));
  }
  unknownKeys(e, name, v, ['id', 'kind', 'title', 'summary', 'fresh', 'steps']);
  return e.list.length > 0 ? { ok: false, errors: e.list } : { ok: true, lesson: v as unknown as Lesson };
}

/** Every lesson of a list that validates, the errors of the others, and ids given twice. */
export function validateLessons(list: readonly unknown[]): { lessons: Lesson[]; errors: string[] } {
  const lessons: Lesson[] = [];
  const errors: string[] = [];
  for (const raw of list) {
    const r = validateLesson(raw);
    if (!r.ok) errors.push(...r.errors);
    else if (lessons.some((l) => l.id === r.lesson.id))
      errors.push(`${r.lesson.id}.id: another lesson has this id`);
    else lessons.push(r.lesson);
  }
  return { lessons, errors };
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
