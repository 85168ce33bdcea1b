/**
 * Builds the widget: widget/embed.ts -> dist/widget/embed.js (a stable name blogs link to),
 * lazily loaded parts -> dist/widget/assets/[name]-[hash].js (cached forever by the server);
 * with `--mode admin`, the admin view: widget/admin/index.html -> dist/admin/.
 */
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const LIT_TAGS = new Set(['html', 'css', 'svg']);

/**
 * Collapses the whitespace inside Lit's html``, svg`` and css`` templates, which the JS
 * minifier keeps verbatim. TypeScript's parser finds the templates (nested ones included),
 * so strings, regular expressions and comments elsewhere are never touched.
 */
function minifyLitTemplates(): Plugin {
  return {
    name: 'riposte-minify-lit-templates',
    transform(code, id) {
      if (!/[\\/]widget[\\/][^?]*\.ts$/.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && LIT_TAGS.has(node.tag.text)) {
          const { template } = node;
          const literals = ts.isNoSubstitutionTemplateLiteral(template)
            ? [template]
            : [template.head, ...template.templateSpans.map((span) => span.literal)];
          for (const literal of literals) {
            // A literal's text sits between "`" or "}" and "`" or "${".
            const start = literal.getStart(source) + 1;
            const end = literal.end - (code.startsWith('${', literal.end - 2) ? 2 : 1);
            const text = minifyText(code.slice(start, end), node.tag.text);
            edits.push({ start, end, text });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let out = code;
      for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * Safe for the widget's templates: none holds <pre> or a non-empty <textarea>, and whitespace
 * between two tags shows only between inline elements outside flex and grid boxes, which the
 * templates avoid. In CSS only spaces next to { } ; , > and after a property's colon go (a
 * space before ":" can be a combinator, around "+" it can be calc()'s), and the 0 before a
 * decimal point.
 */
function minifyText(text: string, tag: string): string {
  if (tag !== 'css') return text.replace(/\s*\n\s*/g, ' ').replace(/> </g, '><');
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/([a-z-]): /g, '$1:')
    .replace(/(^|[ :,(])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}');
}

/**
 * Vite wraps every dynamic import() in a module-preload helper (about 2 KB) even with
 * `modulePreload: false` (vitejs/vite#18551). The widget preloads nothing, so the helper
 * only calls the import: the same promise, without the code.
 */
function noPreloadHelper(): Plugin {
  return {
    name: 'riposte-no-preload-helper',
    enforce: 'pre',
    load(id) {
      return id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : null;
    },
  };
}

/**
 * Chunk names: a language's catalogue is `assets/fr-thread-[hash].js` (language, then which
 * catalogue), so the size check and a look at a page's requests can tell them apart.
 */
function chunkFileNames(chunk: { facadeModuleId: string | null }): string {
  const catalogue = /[\\/]locales[\\/]([^\\/]+)[\\/]([^\\/.]+)\.ts$/.exec(chunk.facadeModuleId ?? '');
  return catalogue ? `assets/${catalogue[1]}-${catalogue[2]}-[hash].js` : 'assets/[name]-[hash].js';
}

const widgetBuild = {
  plugins: [minifyLitTemplates(), noPreloadHelper()],
  // Relative URLs: chunks are found next to embed.js on the comment server, never on the blog's origin.
  base: './',
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    // Vite's preload helper would resolve chunk URLs against the blog page; plain import() is right here.
    modulePreload: false,
    rolldownOptions: {
      input: { embed: 'widget/embed.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames },
    },
  },
} satisfies UserConfig;

/** The admin view (`vite build --mode admin`): its own page, served by the server at /admin. */
const adminBuild = {
  plugins: [minifyLitTemplates()],
  root: 'widget/admin',
  base: '/admin/',
  build: {
    outDir: fileURLToPath(new URL('dist/admin', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // One script, no preload helper: the page's policy allows scripts from this origin only.
    modulePreload: false,
    rolldownOptions: { output: { entryFileNames: 'assets/[name]-[hash].js', chunkFileNames } },
  },
} satisfies UserConfig;

export default defineConfig(({ mode }) => (mode === 'admin' ? adminBuild : widgetBuild));
