/**
 * The built-in glossary packs: one glossary file per field of Thai public policy, in
 * `glossaries/<id>.glossary.yaml`. The analyst switches them on and off (the setting
 * `thaiPolicyLens.builtinPacks`, the command line's `--packs a,b`); every pack is on by default.
 * The packs are ordinary glossary files: they are loaded first, in the order below, and a
 * workspace glossary adds terms to their themes by theme id (see GlossarySet).
 */

export interface BuiltinPack {
  /** lower-case id, as in the setting and `--packs` */
  id: string;
  /** the file name in the extension's `glossaries/` folder */
  file: string;
  /** English name (the user interface is in English) */
  label: string;
  /** Thai name */
  labelTh: string;
  /** what it covers, in a few words */
  description: string;
}

function pack(id: string, label: string, labelTh: string, description: string): BuiltinPack {
  return { id, file: `${id}.glossary.yaml`, label, labelTh, description };
}

/** Every built-in pack, in load order (the order of their themes in the Themes view). */
export const BUILTIN_PACKS: readonly BuiltinPack[] = [
  pack('foreign-affairs', 'Foreign affairs and security', 'การต่างประเทศและความมั่นคง', 'diplomacy, defence and the armed forces, international trade, human rights, humanitarian aid, ASEAN and regional cooperation'),
  pack('economy-fiscal', 'Economy and fiscal policy', 'เศรษฐกิจและการคลัง', 'budget, taxation, monetary policy, investment, SMEs, industry, trade promotion, national planning'),
  pack('agriculture-rural', 'Agriculture and rural development', 'เกษตรและการพัฒนาชนบท', 'farming, crops and prices, irrigation, land reform, livestock and fisheries, cooperatives, rural development'),
  pack('education', 'Education and human capital', 'การศึกษาและการพัฒนาทรัพยากรมนุษย์', 'schools, teachers, higher education, vocational education, skills, research and science'),
  pack('health-welfare', 'Public health and social welfare', 'สาธารณสุขและสวัสดิการสังคม', 'health services, disease control, health insurance, social welfare, older people, children and families, housing'),
  pack('energy-resources', 'Energy and natural resources', 'พลังงานและทรัพยากรธรรมชาติ', 'energy and electricity, climate and environment, water resources, forests and wildlife, pollution and waste'),
  pack('transport-infrastructure', 'Transport and infrastructure', 'คมนาคมและโครงสร้างพื้นฐาน', 'roads, railways, mass transit, aviation, ports and logistics, road safety, utilities and urban planning'),
  pack('digital-government', 'Digital government and data', 'รัฐบาลดิจิทัลและข้อมูล', 'the digital economy, e-government services, open data, telecommunications, cybersecurity and online fraud'),
  pack('justice-law', 'Justice, law and anti-corruption', 'กระบวนการยุติธรรม กฎหมาย และการต่อต้านการทุจริต', 'legislation, the courts and justice system, corrections, policing and crime, drugs, anti-corruption'),
  pack('local-administration', 'Public and local administration', 'การบริหารราชการและการปกครองส่วนท้องถิ่น', 'the cabinet and civil service, provincial administration, local government and decentralisation'),
  pack('labour-migration', 'Labour and migration', 'แรงงานและการย้ายถิ่น', 'employment, wages, social security, skills of workers, migrant workers, Thai workers abroad, immigration'),
  pack('culture-tourism', 'Culture, tourism and soft power', 'วัฒนธรรม การท่องเที่ยว และซอฟต์พาวเวอร์', 'tourism, culture and heritage, religion, sport, the creative economy and soft power'),
];

/** The ids of every built-in pack, in order. */
export const BUILTIN_PACK_IDS: readonly string[] = BUILTIN_PACKS.map((p) => p.id);

/** What `selectPacks` returns. */
export interface PackSelection {
  /** the packs chosen, in load order (not in the order asked) */
  packs: BuiltinPack[];
  /** ids asked for that are not packs, as written */
  unknown: string[];
}

/**
 * The packs named by `ids` (undefined: every pack), in load order; ids are matched without
 * regard to case and surrounding spaces, and ids that name no pack are returned apart.
 */
export function selectPacks(ids: readonly string[] | undefined): PackSelection {
  if (ids === undefined) return { packs: [...BUILTIN_PACKS], unknown: [] };
  const wanted = new Set<string>();
  const unknown: string[] = [];
  for (const raw of ids) {
    const id = raw.trim().toLowerCase();
    if (id === '') continue;
    if (BUILTIN_PACK_IDS.includes(id)) wanted.add(id);
    else if (!unknown.includes(raw)) unknown.push(raw);
  }
  return { packs: BUILTIN_PACKS.filter((p) => wanted.has(p.id)), unknown };
}
