import type { DocumentData } from '../documents/document-data.js';
import { formatDateVi } from '../text/dates.js';
import { signerBlock } from './admission-deciding.js';

/** A candidate as the approval decision names them. */
export interface DecisionCandidate {
  fullName: string;
  birthDate: string;
  /** youth, pioneer, federation: how the decision calls them (thanh niên, đội viên, hội viên). */
  source: string;
  branchName: string;
  meetingOn: string;
  /** The đoàn cơ sở of the candidate's branch. */
  grassrootsId: string;
  grassrootsName: string;
}

/** The unit deciding and the ceremony deadline written into the decision. */
export interface DecisionIssuer {
  id: string;
  name: string;
  kind: string;
  ceremonyWithinMonths: number;
}

/** What the approval step gives issueDocument. */
export interface DecisionDraft {
  subject: string;
  data: DocumentData;
  signerTitle: string;
}

const CALLED: Record<string, string> = { youth: 'thanh niên', pioneer: 'đội viên', federation: 'hội viên' };
const calledOf = (source: string) => CALLED[source] ?? 'thanh niên';
const upper = (text: string) => text.toLocaleUpperCase('vi-VN');
const unique = (values: string[]) => [...new Set(values)];

/** "Ban Chấp hành X" for each đoàn cơ sở that proposes (or each branch when the đoàn cơ sở decides itself). */
function proposers(issuer: DecisionIssuer, candidates: readonly DecisionCandidate[]): string[] {
  return unique(
    candidates.map((c) => `Ban Chấp hành ${c.grassrootsId === issuer.id ? c.branchName : c.grassrootsName}`),
  );
}

function header(issuer: DecisionIssuer, candidates: readonly DecisionCandidate[]): string[] {
  const signer = signerBlock(issuer.kind);
  const body = signer.on === 'TM. BAN THƯỜNG VỤ' ? 'BAN THƯỜNG VỤ' : 'BAN CHẤP HÀNH';
  const resolutions = unique(candidates.map((c) => `${c.branchName} ngày ${formatDateVi(c.meetingOn)}`));
  return [
    `${body} ${upper(issuer.name)}`,
    'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;',
    'Căn cứ Hướng dẫn thực hiện Điều lệ Đoàn TNCS Hồ Chí Minh;',
    `Căn cứ Nghị quyết của ${resolutions.join(', ')} về việc đề nghị kết nạp đoàn viên mới;`,
    `Xét đề nghị của ${proposers(issuer, candidates).join(', ')},`,
    'QUYẾT ĐỊNH:',
  ];
}

function executors(issuer: DecisionIssuer, candidates: readonly DecisionCandidate[]): string {
  const grassroots = unique(candidates.filter((c) => c.grassrootsId !== issuer.id).map((c) => c.grassrootsName));
  const branches = unique(candidates.map((c) => c.branchName));
  return [...grassroots, ...branches].map((name) => `Ban Chấp hành ${name}`).join(', ');
}

function signerTitle(issuer: DecisionIssuer): string {
  const signer = signerBlock(issuer.kind);
  return `${signer.on}\n${signer.position}`;
}

const RECIPIENTS = ['- Như Điều 3;', '- Lưu VP.'];

/** The decision approving one candidate (quyết định chuẩn y kết nạp đoàn viên). */
export function singleDecision(issuer: DecisionIssuer, c: DecisionCandidate): DecisionDraft {
  const called = calledOf(c.source);
  const where = c.grassrootsId === issuer.id ? c.branchName : `${c.branchName}, ${c.grassrootsName}`;
  return {
    subject: `Chuẩn y kết nạp đoàn viên đối với ${called} ${c.fullName}`,
    signerTitle: signerTitle(issuer),
    data: {
      body: [
        ...header(issuer, [c]),
        `Điều 1. Chuẩn y kết nạp vào Đoàn TNCS Hồ Chí Minh đối với ${called} ${c.fullName}, sinh ngày ${formatDateVi(c.birthDate)}, sinh hoạt tại ${where}.`,
        `Điều 2. ${c.branchName} có trách nhiệm tổ chức lễ kết nạp trong thời hạn ${issuer.ceremonyWithinMonths} tháng kể từ ngày ký Quyết định này, trao thẻ đoàn viên và huy hiệu Đoàn cho đoàn viên mới.`,
        `Điều 3. ${executors(issuer, [c])} và ${called} ${c.fullName} chịu trách nhiệm thi hành Quyết định này./.`,
      ],
      recipients: RECIPIENTS,
      fields: {
        memberName: c.fullName,
        birthDate: formatDateVi(c.birthDate),
        branchName: c.branchName,
        grassrootsName: c.grassrootsName,
        decidingUnitName: issuer.name,
        meetingOn: formatDateVi(c.meetingOn),
        ceremonyWithinMonths: String(issuer.ceremonyWithinMonths),
        signerOn: signerBlock(issuer.kind).on,
        signerPosition: signerBlock(issuer.kind).position,
      },
    },
  };
}

/** Columns of the list attached to a batch decision. */
export const BATCH_COLUMNS = { stt: 'STT', fullName: 'Họ và tên', birthDate: 'Ngày sinh', branch: 'Chi đoàn' };

/** One decision approving a class of candidates, with the list attached (all of the same deciding unit). */
export function batchDecision(issuer: DecisionIssuer, candidates: readonly DecisionCandidate[]): DecisionDraft {
  const n = candidates.length;
  return {
    subject: `Chuẩn y kết nạp ${n} đoàn viên mới`,
    signerTitle: signerTitle(issuer),
    data: {
      body: [
        ...header(issuer, candidates),
        `Điều 1. Chuẩn y kết nạp vào Đoàn TNCS Hồ Chí Minh đối với ${n} người có tên trong danh sách kèm theo Quyết định này.`,
        `Điều 2. Các chi đoàn có người được kết nạp có trách nhiệm tổ chức lễ kết nạp trong thời hạn ${issuer.ceremonyWithinMonths} tháng kể từ ngày ký Quyết định này, trao thẻ đoàn viên và huy hiệu Đoàn cho đoàn viên mới.`,
        `Điều 3. ${executors(issuer, candidates)} và những người có tên trong danh sách kèm theo chịu trách nhiệm thi hành Quyết định này./.`,
      ],
      recipients: RECIPIENTS,
      columns: BATCH_COLUMNS,
      rows: candidates.map((c, i) => ({
        stt: String(i + 1),
        fullName: c.fullName,
        birthDate: formatDateVi(c.birthDate),
        branch: c.branchName,
      })),
      fields: {
        count: String(n),
        decidingUnitName: issuer.name,
        ceremonyWithinMonths: String(issuer.ceremonyWithinMonths),
        signerOn: signerBlock(issuer.kind).on,
        signerPosition: signerBlock(issuer.kind).position,
      },
    },
  };
}
