import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODEL, parseModel } from '../../core/score/model.ts';
import { register } from './train.ts';

describe('vigie train', () => {
  it('joins labels to ads, reports cross-validated AUC and saves a valid model version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-train-'));
    const ads: string[] = [];
    const labels: string[] = [];
    for (let i = 0; i < 60; i++) {
      const minor = i % 3 === 0;
      const recruitment = i % 5 === 0;
      const body = [
        minor ? 'Toute jeune, petite nouvelle 🍭, de passage à Lyon' : 'Femme douce et souriante',
        recruitment ? 'On recrute, pack logement + sécurité' : 'Massage relaxant',
        `annonce ${i}`,
      ].join('. ');
      ads.push(JSON.stringify({ source: 's', id: String(i), body }));
      labels.push(JSON.stringify({ source: 's', id: String(i), minor, controlled: false, recruitment }));
    }
    labels.push(JSON.stringify({ source: 's', id: 'no-such-ad', minor: true }));
    writeFileSync(join(dir, 'ads.jsonl'), `${ads.join('\n')}\n`);
    writeFileSync(join(dir, 'labels.jsonl'), `${labels.join('\n')}\n`);
    const out = join(dir, 'model.json');
    const program = new Command('vigie').exitOverride();
    register(program);
    let printed = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      printed += String(c);
      return true;
    });
    try {
      await program.parseAsync([
        'node',
        'vigie',
        'train',
        '--labels',
        join(dir, 'labels.jsonl'),
        '--ads',
        join(dir, 'ads.jsonl'),
        '--out',
        out,
        '--model-version',
        't1',
        '--json',
      ]);
    } finally {
      spy.mockRestore();
    }
    const r = JSON.parse(printed) as {
      examples: number;
      unmatchedLabels: number;
      cvAuc: Record<string, number | null>;
    };
    expect(r.examples).toBe(60);
    expect(r.unmatchedLabels).toBe(1);
    expect(r.cvAuc.minor).toBeGreaterThan(0.9);
    expect(r.cvAuc.recruitment).toBeGreaterThan(0.9);
    expect(r.cvAuc.control).toBeNull();
    const model = parseModel(JSON.parse(readFileSync(out, 'utf8')));
    expect(model.version).toBe('t1');
    // Movement words stay at their evidence-based prior by default (NIJ 2024: not predictive).
    for (const [cat, c] of Object.entries(model.categories)) {
      const prior = DEFAULT_MODEL.categories[cat as keyof typeof model.categories].weights;
      for (const [code, w] of Object.entries(c.weights))
        if (code.startsWith('movement.')) expect(w).toBe(prior[code] ?? 0);
    }
  });

  it('names the file and line of a bad label', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-train-'));
    writeFileSync(join(dir, 'labels.jsonl'), '{"source":"s","id":"1"}\nnot json\n');
    writeFileSync(join(dir, 'ads.jsonl'), '');
    const program = new Command('vigie').exitOverride();
    register(program);
    await expect(
      program.parseAsync([
        'node',
        'vigie',
        'train',
        '--labels',
        join(dir, 'labels.jsonl'),
        '--ads',
        join(dir, 'ads.jsonl'),
      ]),
    ).rejects.toThrow(/labels\.jsonl:2:/);
  });
});
