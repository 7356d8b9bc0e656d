import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkVote } from '../../../../src/domain/workflows/discipline';

/** The live quorum and majority check of a discipline meeting, from the configured shares. */
export function VoteCheck(props: {
  eligible?: number | null;
  present?: number | null;
  inFavour?: number | null;
  quorum: [number, number];
  majority: [number, number];
}) {
  const { t } = useTranslation();
  const eligible = props.eligible ?? 0;
  const present = props.present ?? 0;
  const inFavour = props.inFavour ?? 0;
  if (!eligible) return null;
  const c = checkVote({ eligible, present, inFavour }, { quorum: props.quorum, majority: props.majority });
  return (
    <Flex vertical gap={6} style={{ marginBottom: 16 }} data-testid="vote-check">
      <Alert
        type={c.quorumMet ? 'success' : 'error'}
        showIcon
        title={t(c.quorumMet ? 'discipline.quorumOk' : 'discipline.quorumMissing', {
          present,
          eligible,
          min: c.minPresent,
        })}
      />
      {present > 0 && (
        <Alert
          type={c.majorityMet ? 'success' : 'error'}
          showIcon
          title={t(c.majorityMet ? 'discipline.majorityOk' : 'discipline.majorityMissing', {
            inFavour,
            present,
            min: c.minInFavour,
          })}
        />
      )}
    </Flex>
  );
}
