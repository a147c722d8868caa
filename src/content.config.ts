import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// Lessons live in src/lessons (not Starlight's default src/content/docs); files starting
// with "_" are drafts and are not published.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './src/lessons', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
};
