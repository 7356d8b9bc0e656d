/** One problem docxtemplater reports about a template (the `properties` of its TemplateError). */
export interface TemplateProblem {
  id?: string;
  xtag?: string;
  openingtag?: string;
  closingtag?: string;
  explanation?: string;
}

const tag = (name: string | undefined) => (name ? `"${name}"` : '');

/** The start of a tag's text: docxtemplater reports an unclosed tag with the text after it up to the next tag. */
const start = (text: string | undefined, max = 24) => {
  const t = (text ?? '').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

/** A Vietnamese sentence naming one template problem, e.g. an unclosed tag. */
export function templateProblemMessage(p: TemplateProblem): string {
  switch (p.id) {
    case 'unclosed_tag':
      return `Thẻ bắt đầu bằng "{${start(p.xtag)}" chưa được đóng: thiếu dấu "}".`;
    case 'unopened_tag':
      return `Thẻ "${start(p.xtag)}}" thiếu dấu mở "{".`;
    case 'duplicate_open_tag':
      return `Thẻ ${tag(p.xtag)} có hai dấu mở "{" liền nhau.`;
    case 'duplicate_close_tag':
      return `Thẻ ${tag(p.xtag)} có hai dấu đóng "}" liền nhau.`;
    case 'unclosed_loop':
      return `Vòng lặp {#${p.xtag ?? ''}} chưa được đóng: thiếu {/${p.xtag ?? ''}}.`;
    case 'unopened_loop':
      return `Thẻ đóng {/${p.xtag ?? ''}} không có thẻ mở {#${p.xtag ?? ''}} tương ứng.`;
    case 'closing_tag_does_not_match_opening_tag':
      return `Thẻ mở {#${p.openingtag ?? ''}} lại được đóng bằng {/${p.closingtag ?? ''}}.`;
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return `Thẻ {@${p.xtag ?? ''}} phải đứng một mình trong một đoạn văn (không có chữ hay dấu cách bên cạnh).`;
    case 'raw_tag_outerxml_invalid':
      return `Thẻ {@${p.xtag ?? ''}} phải nằm trong một đoạn văn.`;
    case 'unbalanced_loop_tags':
      return 'Các vòng lặp mở và đóng không cân đối giữa các đoạn văn.';
    case 'malformed_xml':
      return 'Nội dung XML của tệp bị hỏng.';
    default:
      return `Lỗi cú pháp ${p.xtag ? `ở thẻ "${p.xtag}"` : 'trong mẫu'}${p.explanation ? ` (${p.explanation})` : ''}.`;
  }
}

/**
 * The message shown when an uploaded template cannot be used: the first problems, each named, so a cadre can
 * find them in Word.
 */
export function templateErrorMessage(problems: readonly TemplateProblem[], limit = 3): string {
  if (problems.length === 0) return 'Mẫu văn bản có lỗi cú pháp docxtemplater.';
  const shown = problems.slice(0, limit).map(templateProblemMessage);
  const more = problems.length > limit ? ` (và ${problems.length - limit} lỗi khác)` : '';
  return `Mẫu văn bản có lỗi: ${shown.join(' ')}${more}`;
}
