import type { CSSProperties, ReactNode } from 'react';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MemberCard } from '../../../../src/contracts/self-service';
import { formatDate } from '../../lib/dates';
import { formatBirth } from '../members/member-labels';
import { photoUrl } from './self-service-queries';

const BLUE = '#0d47a1';
const RED = '#c62828';

const styles: Record<string, CSSProperties> = {
  card: {
    width: '100%',
    maxWidth: 420,
    borderRadius: 14,
    overflow: 'hidden',
    background: 'linear-gradient(160deg, #ffffff 0%, #eef3fb 100%)',
    boxShadow: '0 6px 18px rgba(13, 71, 161, 0.18)',
    border: `1px solid #c5d3ea`,
  },
  head: {
    background: BLUE,
    color: '#fff',
    padding: '10px 14px',
    textAlign: 'center',
    borderBottom: `4px solid ${RED}`,
  },
  union: { fontSize: 12, letterSpacing: 0.5, textTransform: 'uppercase', opacity: 0.9 },
  heading: { fontSize: 18, fontWeight: 700, letterSpacing: 1, textTransform: 'uppercase' },
  body: { display: 'flex', gap: 12, padding: 14, alignItems: 'flex-start' },
  photo: {
    width: 84,
    height: 112,
    flex: '0 0 84px',
    borderRadius: 6,
    objectFit: 'cover',
    background: '#dfe6f2',
    border: '1px solid #c5d3ea',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: '#8a9bb8',
    fontSize: 36,
  },
  name: { fontSize: 17, fontWeight: 700, color: BLUE, textTransform: 'uppercase', lineHeight: 1.25, marginBottom: 6 },
  row: { fontSize: 13, lineHeight: 1.5, color: '#263238', overflowWrap: 'anywhere' },
  label: { color: '#607d8b' },
  qr: { padding: '4px 14px 14px', textAlign: 'center' },
  qrImage: { width: 168, height: 168, background: '#fff', padding: 6, borderRadius: 8, border: '1px solid #c5d3ea' },
  caption: { fontSize: 12, color: '#607d8b', marginTop: 4 },
};

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={styles.row}>
      <span style={styles.label}>{label}: </span>
      <strong>{children}</strong>
    </div>
  );
}

/** The e-card: union header, photo, name, card number, branch and the QR code that verifies it. */
export function MemberCardView({ card, photoVersion }: { card: MemberCard; photoVersion?: string }) {
  const { t } = useTranslation();
  return (
    <div style={styles.card} data-testid="member-card">
      <div style={styles.head}>
        <div style={styles.union}>{t('selfService.card.union')}</div>
        <div style={styles.heading}>{t('selfService.card.heading')}</div>
      </div>
      <div style={styles.body}>
        {card.hasPhoto ? (
          <img
            src={photoUrl(card.memberId, photoVersion)}
            alt={t('selfService.card.photoAlt', { name: card.fullName })}
            style={styles.photo}
            data-testid="card-photo"
          />
        ) : (
          <div style={styles.photo} aria-label={t('selfService.photo.none')}>
            <UserOutlined />
          </div>
        )}
        <div style={{ minWidth: 0, flex: 1 }}>
          <div style={styles.name} data-testid="card-name">
            {card.fullName}
          </div>
          <Line label={t('selfService.card.number')}>{card.cardNumber ?? t('selfService.card.noNumber')}</Line>
          {card.birthDate && <Line label={t('selfService.card.birthDate')}>{formatBirth(card)}</Line>}
          <Line label={t('selfService.card.branch')}>{card.unitName}</Line>
          {card.parentUnitName && <div style={styles.row}>{card.parentUnitName}</div>}
          {card.joinedOn && <Line label={t('selfService.card.joinedOn')}>{formatDate(card.joinedOn)}</Line>}
        </div>
      </div>
      <div style={styles.qr}>
        <img src="/api/me/card/qr.svg" alt={t('selfService.card.qrAlt')} style={styles.qrImage} data-testid="card-qr" />
        <div style={styles.caption}>{t('selfService.card.scan')}</div>
      </div>
    </div>
  );
}
