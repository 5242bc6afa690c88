/**
 * Types shared by the recognition core, the CLI and the extension.
 * Nothing in src/core imports `vscode` or Node-only modules: the core also runs in a browser.
 * All offsets are UTF-16 code units into the original text (JavaScript string indices).
 */

export interface TermAnnotation {
  kind: 'term';
  start: number;
  end: number;
  text: string;
  /** id of the theme whose term matched */
  theme: string;
  /** the canonical term (not the alias that matched) */
  term: string;
}

/**
 * The role of a country named inside something else: `organization` (inside an
 * organisation's name: ธนาคารแห่งประเทศไทย, สถานเอกอัครราชทูตเยอรมนี, Bank of Thailand),
 * `people` (a people or nationality: ชาวเกาหลี, คนไทย) or `region` (a region named after it:
 * คาบสมุทรเกาหลี). A plain mention of the country has none.
 */
export type CountryRole = 'organization' | 'people' | 'region';

export interface CountryAnnotation {
  kind: 'country';
  start: number;
  end: number;
  text: string;
  /** ISO 3166-1 alpha-2, or a historical code (SU, YU, CS, DD) */
  country: string;
  /** how the country is named, where it is not a plain mention (absent for a plain mention) */
  role?: CountryRole;
}

export type Calendar = 'BE' | 'CE' | 'none';

export interface DateAnnotation {
  kind: 'date';
  start: number;
  end: number;
  text: string;
  /** Gregorian, as precise as the text: YYYY, YYYY-MM or YYYY-MM-DD; absent for unresolved relative words */
  from?: string;
  to?: string;
  calendar: Calendar;
  /** true where the year was not written and was inferred */
  inferred?: boolean;
  /** the relative word (วันนี้, เมื่อวาน, ปีหน้า ...) when the date is relative */
  relative?: string;
  /**
   * `title` where the year is part of the title of a law or a budget act (พ.ร.บ.ยาเสพติดให้โทษ
   * พ.ศ. 2522, รัฐธรรมนูญฉบับปี 2550, งบประมาณรายจ่ายประจำปี 2562): it names the act, it does
   * not date an event. Absent for other dates.
   */
  role?: 'title';
}

export type Annotation = TermAnnotation | CountryAnnotation | DateAnnotation;
export type AnnotationKind = Annotation['kind'];

export interface AnalyzeOptions {
  /** reference date YYYY-MM-DD for relative words and years not written */
  referenceDate?: string;
  /** which categories to look for; all by default */
  kinds?: AnnotationKind[];
}
