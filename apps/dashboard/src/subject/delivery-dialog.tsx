import type { ExportDeliveryIssued, SubjectProfile } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

interface Props {
  subject: SubjectProfile;
  requestId: string;
  onChanged: (position: number, notice?: string) => void;
  onClose: () => void;
}

/**
 * Art. 15(3): the copy goes to the person by mail, as a single-use link that expires; the delivery
 * answers the open access request it is sent for.
 */
export function DeliveryDialog({ subject, requestId, onChanged, onClose }: Props) {
  const { t, date } = useI18n();
  const { client } = useSession();
  const confirm = async () => {
    const issued = await client.post<ExportDeliveryIssued>(`/subjects/${subject.subjectId}/export/deliveries`, {
      requestId,
    });
    onChanged(issued.position, issued.expiresAt ? t('delivery.done', { until: date(issued.expiresAt) }) : undefined);
  };
  return (
    <ConfirmDialog
      title={t('delivery.title')}
      consequence={t('delivery.consequence')}
      confirmLabel={t('delivery.confirm')}
      onClose={onClose}
      onConfirm={confirm}
    />
  );
}
