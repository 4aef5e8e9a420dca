// The staff conversations about the patient whose chart is open ("please call
// Mrs Allen back about her results"), each linked to the conversation. Only
// conversations the doctor is part of are listed (the core decides).
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { messagesRoute } from '../messages/route';

interface Props {
  patientId: string;
  timeZone: string;
}

export function PatientMessages({ patientId, timeZone }: Props) {
  const about = useLoaded(`chart-messages-${patientId}`, () =>
    api('messages.aboutPatient', { patientId }),
  );
  if (about.failure) return <ErrorAlert message={about.failure.message} />;
  const items = about.value?.items ?? [];
  if (items.length === 0) return null;
  const unread = items.reduce((n, c) => n + c.unread, 0);
  return (
    <details className="panel chart-messages">
      <summary>
        Messages about this patient ({items.length}
        {unread > 0 ? `, ${unread} unread` : ''})
      </summary>
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <a href={messagesRoute.href({ kind: 'conversation', id: c.id })}>{c.title}</a>
            {' · '}
            <time dateTime={c.lastAt}>{formatInstant(c.lastAt, timeZone)}</time>
            {' · '}
            {c.lastSender}: {c.lastLine}
          </li>
        ))}
      </ul>
    </details>
  );
}
