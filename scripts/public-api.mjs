// The public API of the package, as a host sees it:
// - per element in custom-elements.json: attributes, properties, methods, events, slots, CSS
//   parts, CSS custom properties and custom states;
// - per entry point in package.json `exports` that has types: the names its built `.d.ts`
//   exports (re-exports followed, so moving code between internal files changes nothing).
//
//   node scripts/public-api.mjs           prints the current API as JSON
//   node scripts/public-api.mjs --write   writes it to test/node/public-api.baseline.json
//
// Run `npm run build` and `npm run manifest` first. Write the baseline at each release; the test
// test/node/public-api.test.mjs compares the current API with it.
import {readFileSync, writeFileSync, existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import ts from 'typescript';

export const root = resolve(import.meta.dirname, '..');
export const baselinePath = join(root, 'test/node/public-api.baseline.json');

const sorted = (values) => [...new Set(values)].sort();

/** The elements of a Custom Elements Manifest, by tag name. */
export function elementsApi(manifest) {
  const elements = {};
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const members = (declaration.members ?? []).filter(
        (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected',
      );
      elements[declaration.tagName] = {
        class: declaration.name,
        attributes: sorted((declaration.attributes ?? []).map((item) => item.name)),
        properties: sorted(members.filter((member) => member.kind === 'field').map((member) => member.name)),
        methods: sorted(members.filter((member) => member.kind === 'method').map((member) => member.name)),
        events: sorted((declaration.events ?? []).map((item) => item.name)),
        slots: sorted((declaration.slots ?? []).map((item) => item.name || '(default)')),
        cssParts: sorted((declaration.cssParts ?? []).map((item) => item.name)),
        cssProperties: sorted((declaration.cssProperties ?? []).map((item) => item.name)),
        cssStates: sorted((declaration.cssStates ?? []).map((item) => item.name)),
      };
    }
  }
  return Object.fromEntries(Object.entries(elements).sort(([a], [b]) => a.localeCompare(b)));
}

/** Entry point specifier (`serein/otp-prompt.js`) → its `.d.ts` file, from package.json. */
export function typedEntryPoints(pkg, base = root) {
  const entries = {};
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== 'object' || !target.types) continue;
    const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.replace(/^\.\//, '')}`;
    entries[specifier] = join(base, target.types);
  }
  return entries;
}

/** The names each entry point's declaration file exports, following re-exports. */
export function modulesApi(entries) {
  const missing = Object.values(entries).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Declaration files missing (run \`npm run build\` first): ${missing.join(', ')}`);
  }
  const program = ts.createProgram(Object.values(entries), {
    noEmit: true,
    skipLibCheck: true,
    noLib: true,
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const modules = {};
  for (const [specifier, file] of Object.entries(entries)) {
    const source = program.getSourceFile(file);
    const symbol = source && checker.getSymbolAtLocation(source);
    modules[specifier] = symbol ? sorted(checker.getExportsOfModule(symbol).map((item) => item.getName())) : [];
  }
  return Object.fromEntries(Object.entries(modules).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Every name in `baseline` that `current` no longer has: `{owner, kind, name}`, where owner is a
 * tag name or an entry point specifier.
 */
export function findRemovals(baseline, current) {
  const removals = [];
  for (const [tag, before] of Object.entries(baseline.elements ?? {})) {
    const now = current.elements?.[tag];
    if (!now) {
      removals.push({owner: tag, kind: 'element', name: tag});
      continue;
    }
    for (const [kind, names] of Object.entries(before)) {
      if (!Array.isArray(names)) continue;
      for (const name of names) {
        if (!(now[kind] ?? []).includes(name)) removals.push({owner: tag, kind, name});
      }
    }
  }
  for (const [specifier, names] of Object.entries(baseline.modules ?? {})) {
    const now = current.modules?.[specifier];
    if (!now) {
      removals.push({owner: specifier, kind: 'entry point', name: specifier});
      continue;
    }
    for (const name of names) if (!now.includes(name)) removals.push({owner: specifier, kind: 'export', name});
  }
  return removals;
}

/** The list items under every CHANGELOG heading that says "Deprecated" or "Removed". */
export function announcements(changelog) {
  const items = [];
  let inSection = false;
  for (const line of changelog.split('\n')) {
    const heading = /^#+\s+(.*)$/.exec(line);
    if (heading) {
      inSection = /\b(deprecated|removed)\b/i.test(heading[1]);
      continue;
    }
    if (!inSection) continue;
    if (/^\s*[-*]\s+/.test(line)) items.push(line.trim());
    else if (/^\s+\S/.test(line) && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MIGRATION_NOTE = /\b(use|instead|replaced?|renamed?|migrat\w*)\b|→|->/i;

/**
 * Whether a removal is announced: one Deprecated/Removed item names it in backticks (`done`,
 * `:state(done)`, `<serein-otp-prompt>`), names its element or entry point (not needed for an
 * exported name) and says what to use instead.
 */
export function isAnnounced(removal, items) {
  const word = new RegExp(`(?<![\\w-])${escape(removal.name)}(?![\\w-])`);
  return items.some((item) => {
    const spans = [...item.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    // An export reaches hosts through several entry points (`serein`, `serein/bundle.js`, …):
    // its name is enough. An element's attribute, part or state names its element.
    const ownerNamed = removal.kind === 'export' || item.includes(removal.owner);
    return spans.some((span) => word.test(span)) && ownerNamed && MIGRATION_NOTE.test(item);
  });
}

export function currentPublicApi(base = root) {
  const pkg = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(base, 'custom-elements.json'), 'utf8'));
  return {
    version: pkg.version,
    elements: elementsApi(manifest),
    modules: modulesApi(typedEntryPoints(pkg, base)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const api = currentPublicApi();
  // Formatted as `prettier --check .` expects it.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(baselinePath)) ?? {};
  const text = await prettier.format(JSON.stringify(api), {...options, filepath: baselinePath});
  if (process.argv.includes('--write')) {
    writeFileSync(baselinePath, text);
    console.log(`Wrote ${baselinePath} (version ${api.version}).`);
  } else {
    process.stdout.write(text);
  }
}
