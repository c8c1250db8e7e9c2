import { describe, expect, it } from 'vitest';
import { parseScenario } from '../replay/scenario.ts';
import { fromScenarioFile, toScenarioFile } from './scenario-file.ts';

describe('a session file', () => {
  it('is a replay scenario, and reads back', () => {
    const data = { commands: ['docker run -d --name web nginx', 'docker diff web'], lesson: 'tour', step: 4 };
    const text = toScenarioFile(data);
    expect(parseScenario(JSON.parse(text))).toEqual({
      ok: true,
      scenario: { images: [], commands: data.commands },
    });
    expect(fromScenarioFile(text)).toEqual({ ok: true, data });
  });

  it('reads a scenario written by hand, without lesson', () => {
    expect(fromScenarioFile('{"commands": ["docker ps"]}')).toEqual({
      ok: true,
      data: { commands: ['docker ps'] },
    });
  });

  it('refuses what is not JSON, not a scenario, or brings its own images', () => {
    expect(fromScenarioFile('{"commands": [')).toMatchObject({ ok: false, error: 'notJson' });
    expect(fromScenarioFile('{"commands": [1]}')).toMatchObject({
      ok: false,
      error: 'notScenario',
      detail: 'commands[0]: must be a string',
    });
    const own = { images: [{ ref: 'demo:1', layers: [{ entries: [] }] }], commands: [] };
    expect(fromScenarioFile(JSON.stringify(own))).toMatchObject({
      ok: false,
      error: 'ownImages',
      detail: 'demo:1',
    });
    expect(fromScenarioFile('{"commands": ["a\\nb"]}')).toMatchObject({ ok: false, error: 'invalid' });
  });
});
