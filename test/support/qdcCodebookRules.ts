// The structure rules of the REFI-QDA Codebook.xsd, as a check on parsed codebooks: shared by the
// unit tests of the codec and the integration test of the export command.
import { QDC_NAMESPACE } from '../../src/core/exchange/qdc';
import type { XmlElement } from '../../src/core/exchange/xml';

const GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const RGB = /^#(?:[A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;

/**
 * Checks a parsed codebook against the rules of the REFI-QDA Codebook.xsd (element names and
 * order, the namespace, required and allowed attributes, their types); returns the problems.
 */
export function validateCodebook(root: XmlElement): string[] {
  const problems: string[] = [];
  const guids = new Set<string>();
  const at = (el: XmlElement) => `<${el.local}> line ${el.line}`;
  const onlyAttributes = (el: XmlElement, allowed: string[]) => {
    for (const name of el.attributes.keys()) if (!allowed.includes(name) && name !== 'xmlns' && !name.startsWith('xmlns:')) problems.push(`${at(el)}: attribute ${name} not in the schema`);
  };
  const noText = (el: XmlElement) => {
    if (el.text.trim()) problems.push(`${at(el)}: text not allowed`);
  };
  const guidOf = (el: XmlElement) => {
    const g = el.attributes.get('guid');
    if (g === undefined || !GUID.test(g)) problems.push(`${at(el)}: guid missing or not a GUID: ${g}`);
    return g ?? '';
  };
  for (const el of walk(root)) if (el.namespace !== QDC_NAMESPACE) problems.push(`${at(el)}: namespace "${el.namespace}"`);
  if (root.local !== 'CodeBook') problems.push(`root is <${root.local}>`);
  onlyAttributes(root, ['origin']);
  noText(root);
  const names = root.children.map((c) => c.local).join(',');
  if (names !== 'Codes' && names !== 'Codes,Sets') problems.push(`CodeBook children: ${names}`);
  const code = (el: XmlElement) => {
    if (el.local !== 'Code') {
      problems.push(`${at(el)}: expected <Code>`);
      return;
    }
    onlyAttributes(el, ['guid', 'name', 'isCodable', 'color']);
    noText(el);
    const g = guidOf(el);
    if (guids.has(g.toLowerCase())) problems.push(`${at(el)}: guid ${g} used twice`);
    guids.add(g.toLowerCase());
    if (!el.attributes.has('name')) problems.push(`${at(el)}: name missing`);
    if (!['true', 'false', '1', '0'].includes(el.attributes.get('isCodable') ?? '')) problems.push(`${at(el)}: isCodable missing or not a boolean`);
    const color = el.attributes.get('color');
    if (color !== undefined && !RGB.test(color)) problems.push(`${at(el)}: color ${color} is not RGBType`);
    el.children.forEach((child, i) => {
      if (child.local === 'Description') {
        if (i !== 0) problems.push(`${at(child)}: Description must come first`);
        if (child.children.length) problems.push(`${at(child)}: Description has elements`);
        onlyAttributes(child, []);
      } else code(child);
    });
  };
  const codes = root.children.find((c) => c.local === 'Codes');
  if (codes) {
    onlyAttributes(codes, []);
    noText(codes);
    if (codes.children.length === 0) problems.push('Codes is empty');
    codes.children.forEach(code);
  }
  const sets = root.children.find((c) => c.local === 'Sets');
  if (sets) {
    if (sets.children.length === 0) problems.push('Sets is empty');
    for (const set of sets.children) {
      if (set.local !== 'Set') problems.push(`${at(set)}: expected <Set>`);
      onlyAttributes(set, ['guid', 'name']);
      guidOf(set);
      if (!set.attributes.has('name')) problems.push(`${at(set)}: name missing`);
      set.children.forEach((child, i) => {
        if (child.local === 'Description' && i === 0) return;
        if (child.local !== 'MemberCode') problems.push(`${at(child)}: expected <MemberCode>`);
        onlyAttributes(child, ['guid']);
        if (!guids.has(guidOf(child).toLowerCase())) problems.push(`${at(child)}: refers to no code`);
      });
    }
  }
  return problems;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
