import Handlebars from 'handlebars';

type Node = hbs.AST.Node;

/** Helpers whose block keeps the outer context, so that the paths inside still read from data. */
const SAME_CONTEXT_BLOCKS = new Set(['if', 'unless']);

/** Helpers whose arguments are paths into data but whose name is not. */
const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

const collectPaths = (node: Node | undefined | null, found: Set<string>): void => {
  if (!node) return;
  switch (node.type) {
    case 'Program':
      for (const statement of (node as hbs.AST.Program).body) collectPaths(statement, found);
      return;
    case 'PathExpression': {
      const path = node as hbs.AST.PathExpression;
      // `@index`, `this` and `../x` are not keys of the data object given to render().
      if (path.data || path.depth > 0 || path.parts.length === 0) return;
      found.add(path.parts.join('.'));
      return;
    }
    case 'MustacheStatement':
    case 'SubExpression': {
      const call = node as hbs.AST.MustacheStatement;
      const isHelperCall = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;
      if (!isHelperCall) collectPaths(call.path, found);
      for (const param of call.params) collectPaths(param, found);
      for (const pair of call.hash?.pairs ?? []) collectPaths(pair.value, found);
      return;
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const helper = (block.path as hbs.AST.PathExpression).original;
      if (!BUILT_IN_HELPERS.has(helper) && block.params.length === 0) {
        // `{{#section}}...{{/section}}` iterates or enters `section` itself.
        collectPaths(block.path, found);
        return;
      }
      for (const param of block.params) collectPaths(param, found);
      for (const pair of block.hash?.pairs ?? []) collectPaths(pair.value, found);
      if (SAME_CONTEXT_BLOCKS.has(helper)) collectPaths(block.program, found);
      collectPaths(block.inverse, found);
      return;
    }
    default:
      return;
  }
};

/**
 * The data paths (`user.name`) a Handlebars source reads in its top-level context. Paths inside
 * `{{#each}}` or `{{#with}}` are relative to an item and are left out; the renderer reports
 * those itself.
 *
 * @throws Error when the source does not parse
 */
export const referencedPaths = (source: string): string[] => {
  const found = new Set<string>();
  collectPaths(Handlebars.parse(source), found);
  return [...found];
};

/** Whether `path` resolves in `data` the way a strict Handlebars lookup does (`null` counts). */
export const hasPath = (data: Record<string, unknown>, path: string): boolean => {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object') return false;
    if (!(key in (current as object))) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
};

/** The paths that the sources read and `data` lacks, in first-use order. */
export const missingVariables = (sources: string[], data: Record<string, unknown>): string[] => {
  const missing = new Set<string>();
  for (const source of sources) {
    for (const path of referencedPaths(source)) if (!hasPath(data, path)) missing.add(path);
  }
  return [...missing];
};

/**
 * A copy of `data` with each missing path set to '' so that a strict render goes through and
 * shows the gap as empty, as a lenient send would.
 */
export const fillMissing = (
  data: Record<string, unknown>,
  paths: string[]
): Record<string, unknown> => {
  const filled = structuredClone(data);
  for (const path of paths) {
    const keys = path.split('.');
    let current: Record<string, unknown> = filled;
    for (const key of keys.slice(0, -1)) {
      const next = current[key];
      if (next === null || typeof next !== 'object') current[key] = {};
      current = current[key] as Record<string, unknown>;
    }
    current[keys[keys.length - 1]] = '';
  }
  return filled;
};
