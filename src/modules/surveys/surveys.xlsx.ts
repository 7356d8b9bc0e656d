import { PassThrough } from 'node:stream';
import type { Db } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { Participation, SurveyResults } from '../../contracts/surveys.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { registerWorkbook, writeRegisterSheet, type RegisterColumn } from '../registers/registers.sheet.js';
import { surveyResults } from './surveys.results.js';
import * as q from './surveys.queries.js';

type Ctx = RequestContext & { actor: Actor };

const KIND_LABELS = { single: 'Một lựa chọn', multiple: 'Nhiều lựa chọn', text: 'Trả lời ngắn', scale: 'Thang 1–5' };
const percent = (share: number | null) => (share === null ? '' : `${share.toLocaleString('vi-VN')}%`);

const PARTICIPATION: RegisterColumn<Participation>[] = [
  { header: 'Đơn vị', width: 40, value: (r) => r.unitName },
  { header: 'Đoàn viên', width: 12, value: (r) => r.members },
  { header: 'Đã trả lời', width: 12, value: (r) => r.answered },
  { header: 'Tỷ lệ', width: 10, value: (r) => percent(r.share) },
];

interface TallyRow {
  question: string;
  kind: string;
  option: string;
  count: number;
  share: string;
}
const TALLY: RegisterColumn<TallyRow>[] = [
  { header: 'Câu hỏi', width: 50, value: (r) => r.question },
  { header: 'Loại', width: 16, value: (r) => r.kind },
  { header: 'Lựa chọn / mức', width: 36, value: (r) => r.option },
  { header: 'Số lượt chọn', width: 12, value: (r) => r.count },
  { header: 'Tỷ lệ', width: 10, value: (r) => r.share },
];

interface TextRow {
  question: string;
  unitName: string;
  memberName: string | null;
  text: string;
}
const textColumns = (anonymous: boolean): RegisterColumn<TextRow>[] => [
  { header: 'Câu hỏi', width: 40, value: (r) => r.question },
  { header: 'Chi đoàn', width: 30, value: (r) => r.unitName },
  ...(anonymous ? [] : [{ header: 'Người trả lời', width: 26, value: (r: TextRow) => r.memberName }]),
  { header: 'Ý kiến', width: 70, value: (r) => r.text },
];

function tallyRows(results: SurveyResults): TallyRow[] {
  return results.questions.flatMap((question, i) => {
    const label = `Câu ${i + 1}. ${question.text}`;
    const kind = KIND_LABELS[question.kind];
    if (question.kind === 'text')
      return [{ question: label, kind, option: '(xem trang “Ý kiến”)', count: question.answered, share: '' }];
    const base = question.answered;
    const rows = question.counts.map((c) => ({
      question: label,
      kind,
      option: c.option,
      count: c.count,
      share: base ? percent(Math.round((c.count / base) * 1000) / 10) : '',
    }));
    if (question.average !== null)
      rows.push({ question: label, kind, option: 'Điểm trung bình', count: question.average, share: '' });
    return rows;
  });
}

async function* once<R>(list: R[]): AsyncGenerator<R[]> {
  yield list;
}

/** The results as an .xlsx stream (participation, counts, text answers), audited as an export. */
export async function surveyResultsXlsx(db: Db, ctx: Ctx, surveyId: string, unitId?: string) {
  const results = await surveyResults(db, ctx.actor, surveyId, unitId);
  const unit = await q.unitInScope(db, results.unit.id, scopeOf(ctx.actor, 'member.read'));
  await audit(db, ctx, {
    entity: 'survey',
    entityId: surveyId,
    action: 'export',
    unitId: results.unit.id,
    unitPath: unit?.path ?? null,
    after: { unitId: results.unit.id, responses: results.overall.answered },
  });
  const out = new PassThrough();
  const heading = (title: string) => ({
    unitName: results.unit.name,
    title,
    subtitle: `${results.survey.title} – Ngày ${formatDateVi(todayInVietnam())}`,
  });
  const write = async () => {
    const workbook = registerWorkbook(out);
    const participation = [...results.groups, results.overall];
    await writeRegisterSheet(
      workbook,
      out,
      'Tham gia',
      heading('KẾT QUẢ KHẢO SÁT – THAM GIA'),
      PARTICIPATION,
      once(participation),
    );
    await writeRegisterSheet(
      workbook,
      out,
      'Kết quả',
      heading('KẾT QUẢ KHẢO SÁT – THEO CÂU HỎI'),
      TALLY,
      once(tallyRows(results)),
    );
    const texts = results.questions.flatMap((question, i) =>
      question.texts.map((t) => ({ question: `Câu ${i + 1}. ${question.text}`, ...t })),
    );
    await writeRegisterSheet(
      workbook,
      out,
      'Ý kiến',
      heading('Ý KIẾN CỦA ĐOÀN VIÊN'),
      textColumns(results.survey.anonymous),
      once(texts),
    );
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return { stream: out, fileName: `ket-qua-khao-sat-${todayInVietnam().replace(/-/g, '')}.xlsx` };
}
