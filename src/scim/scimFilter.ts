import { filter as compileFilter, parse, type Filter } from 'scim2-parse-filter';
import { badRequest } from './scimErrors';

/** The attributes a filter may name, per resource type, in their canonical spelling (attribute names are case-insensitive). */
export interface FilterVocabulary {
  attributes: readonly string[];
  /** caseExact=false string attributes: compared without regard to case (RFC 7643 §2.2). */
  caseInsensitive: readonly string[];
}

export interface ParsedFilter {
  ast: Filter;
  /** `attr eq "value"` on an indexed attribute: what the list query can ask PostgreSQL directly. */
  equality: { attribute: string; value: string } | null;
  test(resource: Record<string, unknown>): boolean;
}

const MAX_FILTER_LENGTH = 2000;

/**
 * Parses a SCIM filter with `scim2-parse-filter`, rejects attributes outside the vocabulary (`invalidFilter`, never a
 * silently empty result), and compiles it to a predicate over a resource representation.
 */
export function parseScimFilter(text: string, vocabulary: FilterVocabulary): ParsedFilter {
  if (text.length > MAX_FILTER_LENGTH) throw badRequest('invalidFilter', `A filter may be at most ${MAX_FILTER_LENGTH} characters.`);
  let ast: Filter;
  try {
    ast = parse(text);
  } catch (error) {
    throw badRequest('invalidFilter', `The filter could not be parsed: ${(error as Error).message}`);
  }
  const canonical = new Map(vocabulary.attributes.map((attribute) => [attribute.toLowerCase(), attribute]));
  const insensitive = new Set(vocabulary.caseInsensitive);
  const normalized = normalize(ast, '', canonical, insensitive);
  const predicate = compileFilter(normalized);
  return {
    ast: normalized,
    equality: normalized.op === 'eq' && typeof normalized.compValue === 'string' ? { attribute: normalized.attrPath, value: normalized.compValue } : null,
    test: (resource) => predicate(lowerCased(resource, insensitive)),
  };
}

function normalize(node: Filter, parent: string, canonical: Map<string, string>, insensitive: Set<string>): Filter {
  switch (node.op) {
    case 'and':
    case 'or':
      return { op: node.op, filters: node.filters.map((child) => normalize(child, parent, canonical, insensitive)) };
    case 'not':
      return { op: 'not', filter: normalize(node.filter, parent, canonical, insensitive) };
    case '[]': {
      const attrPath = attribute(node.attrPath, parent, canonical);
      return { op: '[]', attrPath: relative(attrPath, parent), valFilter: normalize(node.valFilter, attrPath, canonical, insensitive) };
    }
    case 'pr': {
      const attrPath = attribute(node.attrPath, parent, canonical);
      return { op: 'pr', attrPath: relative(attrPath, parent) };
    }
    default: {
      const compare = node;
      const attrPath = attribute(compare.attrPath, parent, canonical);
      const compValue = typeof compare.compValue === 'string' && insensitive.has(attrPath) ? compare.compValue.toLowerCase() : compare.compValue;
      return { op: compare.op, attrPath: relative(attrPath, parent), compValue };
    }
  }
}

/** The full canonical path of an attribute named in a filter (a sub-attribute inside `emails[...]` is `emails.<sub>`). */
function attribute(path: string, parent: string, canonical: Map<string, string>): string {
  // A fully qualified name (`urn:...:User:userName`) means the same as the short one for the core schema.
  const short = path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, '');
  const full = parent ? `${parent}.${short}` : short;
  const found = canonical.get(full.toLowerCase());
  if (!found) throw badRequest('invalidFilter', `The filter names an attribute this resource does not have or cannot be filtered on: ${JSON.stringify(path)}.`);
  return found;
}

function relative(path: string, parent: string): string {
  return parent ? path.slice(parent.length + 1) : path;
}

/** A copy of the resource whose case-insensitive attributes are lower-cased, so `eq` compares them as RFC 7643 says. */
function lowerCased(resource: Record<string, unknown>, insensitive: Set<string>): Record<string, unknown> {
  const copy = structuredClone(resource);
  for (const path of insensitive) {
    const [head, tail] = path.split('.') as [string, string | undefined];
    const value = copy[head];
    if (tail === undefined) {
      if (typeof value === 'string') copy[head] = value.toLowerCase();
    } else if (Array.isArray(value)) {
      for (const item of value as Array<Record<string, unknown> | null>) {
        const text = item?.[tail];
        if (item && typeof text === 'string') item[tail] = text.toLowerCase();
      }
    } else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (typeof object[tail] === 'string') object[tail] = (object[tail]).toLowerCase();
    }
  }
  return copy;
}
