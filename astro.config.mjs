// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import starlight from '@astrojs/starlight';
import { inPageLabDevShims, inPageLabShims } from './src/browser/in-page-lab/shims/vite-plugin.ts';

// The course is published as plain files; HANDSHAKE_BASE serves it under a sub-path.
const base = process.env.HANDSHAKE_BASE ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'ignore',
  integrations: [
    starlight({
      title: 'Handshake',
      description:
        'Learn how IoT devices connect to a cloud broker safely: MQTT, X.509, mutual TLS, AWS IoT policies and JSON, with live tools.',
      customCss: ['./src/styles/course.css'],
      // Lessons live outside src/content/docs; this gives them asides and heading anchors too.
      markdown: { processedDirs: ['./src/lessons'] },
      sidebar: [
        { label: 'Welcome', link: '/' },
        {
          label: 'MQTT',
          items: [{ label: 'How MQTT works', link: '/mqtt/how-mqtt-works/' }],
        },
        {
          label: 'Device identity',
          items: [
            { label: 'Device authentication', link: '/device-authentication/' },
            { label: 'Device certificates and keys', link: '/certificates/' },
            { label: 'What is mutual TLS', link: '/mutual-tls/' },
          ],
        },
        { label: 'JSON', link: '/json/' },
        { label: 'AWS IoT policies', link: '/policies/' },
        {
          label: 'Lab tools',
          items: [{ label: 'Broker benchmark', link: '/lab/benchmark/' }],
        },
      ],
    }),
    mdx(),
    preact(),
  ],
  vite: {
    // The in-page lab's worker runs aedes, which needs Node built-ins the browser lacks.
    plugins: [inPageLabDevShims()],
    // It is a classic worker (one file), so the PKI's lazy imports, which it needs to make the
    // in-page broker's TLS certificate, are folded into it.
    worker: {
      plugins: () => [inPageLabShims()],
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  },
});
