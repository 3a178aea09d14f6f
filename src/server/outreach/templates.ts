import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod/v4';

/** Schema of data/outreach-templates/<lang>.json (edited by the NGO). */
export const TemplateFile = z.object({
  lang: z.string().min(2).max(10),
  label: z.string(),
  note: z.string().optional(),
  templates: z.array(z.object({ id: z.string(), name: z.string(), text: z.string().max(2000) })),
  resources: z.array(
    z.object({
      name: z.string(),
      contact: z.string(),
      description: z.string().optional(),
      url: z.string().optional(),
    }),
  ),
});
export type TemplateFile = z.infer<typeof TemplateFile>;

/** Every valid template file of the folder, by language; a broken file is reported, not fatal. */
export async function loadTemplates(dir: string): Promise<{ languages: TemplateFile[]; problems: string[] }> {
  const languages: TemplateFile[] = [];
  const problems: string[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return { languages, problems: [`template folder ${dir} not found`] };
  }
  for (const n of names) {
    try {
      languages.push(TemplateFile.parse(JSON.parse(await readFile(join(dir, n), 'utf8'))));
    } catch (e) {
      problems.push(`${n}: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
    }
  }
  return { languages, problems };
}
