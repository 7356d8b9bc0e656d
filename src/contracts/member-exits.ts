import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';
import { memberDetail } from './members.js';

/** An issued document as procedures show it; download at `GET /api/documents/:id/file`. */
export const documentRef = z.object({
  id,
  /** Number and symbol as printed: "15-QĐ/ĐTN". */
  numberText: z.string(),
});
export type DocumentRef = z.infer<typeof documentRef>;

/** The signer printed on a decision; defaults to the committee's secretary block. */
export const signerFields = {
  /** Empty: the default block of the issuing unit's kind ("TM. BAN CHẤP HÀNH / BÍ THƯ" at a đoàn cơ sở). */
  signerTitle: optionalText('Chức danh người ký', 120),
  signerName: optionalText('Họ tên người ký', 120),
};

/** Remove a member's name (xóa tên): the đoàn cơ sở's decision. */
export const removeMemberBody = z.object({
  /** The member record's version as read (else 409). */
  version: z.number().int().positive(),
  reason: requiredText('Lý do xóa tên', 500),
  decidedOn: isoDate,
  ...signerFields,
});
export type RemoveMemberBody = z.input<typeof removeMemberBody>;

/** Record a member's death (báo tử): a fact, without a decision. */
export const memberDeathBody = z.object({
  version: z.number().int().positive(),
  diedOn: isoDate,
  note: optionalText('Ghi chú', 500),
});
export type MemberDeathBody = z.input<typeof memberDeathBody>;

/** The member after the change, and the decision issued (null for a death). */
export const memberExitResult = z.object({
  member: memberDetail,
  document: documentRef.nullable(),
});
export type MemberExitResult = z.infer<typeof memberExitResult>;

/** The procedures the actor may start on a member's page (the UI hides the others). */
export const memberProcedureActions = z.object({
  /** Name removal: write rights on the member's đoàn cơ sở. */
  remove: z.boolean(),
  /** Death record: write rights on the member's branch. */
  death: z.boolean(),
  /** A discipline decision: some form the actor may decide. */
  discipline: z.boolean(),
  /** A branch resolution proposing the member to the Party. */
  partyProposal: z.boolean(),
});
export type MemberProcedureActions = z.infer<typeof memberProcedureActions>;
