import type { CriteriaIssueDto, PartyIntroductionDto } from '../../contracts/party-introductions.js';
import { inScope } from '../../domain/auth/permissions.js';
import { isWithin } from '../../domain/org/unit-path.js';
import { grassrootsOnPath, type UnitOnPath } from '../../domain/workflows/member-exit-units.js';
import type { PartyIntroductionStatus } from '../../domain/workflows/party-introduction.js';
import type { IntroductionListRow } from './party-introductions.queries.js';

/** Units on a branch's path that may introduce its members: the đoàn cơ sở or above, open, lowest first. */
export function introducingUnits<T extends UnitOnPath & { closedOn: string | null }>(pathUnits: readonly T[]): T[] {
  const grassroots = grassrootsOnPath(pathUnits);
  if (!grassroots) return [];
  return pathUnits.filter((u) => !u.closedOn && isWithin(grassroots.path, u.path)).reverse();
}

function warningsOf(value: unknown): CriteriaIssueDto[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is CriteriaIssueDto =>
      typeof v === 'object' && v !== null && typeof (v as CriteriaIssueDto).message === 'string',
  );
}

/** An introduction as the API shows it, with what the actor may do next. */
export function toIntroductionDto(
  r: IntroductionListRow,
  pathUnits: readonly (UnitOnPath & { closedOn: string | null })[],
  writeScope: readonly string[],
): PartyIntroductionDto {
  const i = r.intro;
  const status = i.status as PartyIntroductionStatus;
  const introducers =
    status === 'proposed'
      ? introducingUnits(pathUnits)
          .filter((u) => inScope(writeScope, u.path))
          .map((u) => ({ id: u.id, name: u.name }))
      : [];
  const mayIntroducer = r.introducingPath !== null && inScope(writeScope, r.introducingPath);
  return {
    id: i.id,
    memberId: i.memberId,
    memberName: r.memberName,
    birthDate: r.birthDate,
    unitId: i.unitId,
    unitName: r.unitName,
    year: i.year,
    resolutionOn: i.resolutionOn,
    strengths: i.strengths,
    weaknesses: i.weaknesses,
    presentCount: i.presentCount,
    inFavourCount: i.inFavourCount,
    awarenessCertificateNo: i.awarenessCertificateNo,
    awarenessCertificateOn: i.awarenessCertificateOn,
    criteriaWarnings: warningsOf(i.criteriaWarnings),
    introducingUnitId: i.introducingUnitId,
    introducingUnitName: r.introducingUnitName,
    introducedOn: i.introducedOn,
    partyCell: i.partyCell,
    letter: i.letterId && r.letterNumber ? { id: i.letterId, numberText: r.letterNumber } : null,
    status,
    outcomeOn: i.outcomeOn,
    outcomeNote: i.outcomeNote,
    version: i.version,
    introducers,
    actions: {
      introduce: introducers.length > 0,
      outcome: status === 'introduced' && mayIntroducer,
      withdraw:
        (status === 'proposed' && inScope(writeScope, r.unitPath)) || (status === 'introduced' && mayIntroducer),
    },
  };
}
