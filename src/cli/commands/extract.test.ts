import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as registerExtract } from './extract.ts';
import { register as registerTrain } from './train.ts';

function run(args: string[]): string {
  const program = new Command('vigie').exitOverride();
  registerExtract(program);
  registerTrain(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    program.parse(['node', 'vigie', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('vigie extract', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints each entity with its span and the original substring', () => {
    const out = run([
      'extract',
      'Léa, 19 ans, tout juste majeure, de passage à Saint Etienne. 150 roses',
      '--city',
      'Lyon 3e',
    ]);
    expect(out).toMatch(/ages \(1\)\n {2}19 {2}body\[5,11\] "19 ans"/);
    expect(out).toMatch(/Saint-Étienne INSEE 42218 dép\. 42 .* via name {2}body\[\d+,\d+\] "Saint Etienne"/);
    expect(out).toMatch(/Lyon INSEE 69383 .* via field {2}city\[0,7\] "Lyon 3e"/);
    expect(out).toMatch(/minor\.just_adult \[minor\] weight 1\.8 {2}body\[\d+,\d+\] "tout juste majeure"/);
    expect(out).toMatch(/150 roses {2}body/);
    expect(out).toMatch(/scores: minor 0\.\d{3} {2}control 0\.\d{3} {2}recruitment 0\.\d{3}/);
  });

  it('prints the analysis as JSON with --json', () => {
    const a = JSON.parse(run(['extract', 'Nouvelle sur Lyon', '--json'])) as {
      extraction: { places: { name: string }[] };
    };
    expect(a.extraction.places[0]!.name).toBe('Lyon');
  });

  it('rejects a non-integer --age', () => {
    expect(() => run(['extract', 'x', '--age', 'vingt'])).toThrow(/--age must be an integer/);
  });
});
