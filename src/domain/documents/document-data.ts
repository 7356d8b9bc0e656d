/**
 * What a procedure gives a document to be rendered from. The default templates in templates/ print the
 * heading, number, place and date, title and signer from the document row, then `body`, `rows` (as a
 * numbered table) and `recipients`; a unit's own template may also use the named `fields`.
 */
export interface DocumentData {
  /** Paragraphs of the body, in order ("Căn cứ ...", "QUYẾT ĐỊNH:", "Điều 1. ..."). */
  body: string[];
  /** "Nơi nhận" lines, e.g. "- Như Điều 3;". */
  recipients: string[];
  /** Rows of a list attached to the document (batch admission, coming of age): column key -> text. */
  rows?: Record<string, string>[];
  /** Column key -> header of `rows`, in order. */
  columns?: Record<string, string>;
  /** Named values a unit's template may use: memberName, birthDate (dd/mm/yyyy), branchName, cardNumber... */
  fields: Record<string, string>;
}
