// An error the user must notice: role="alert" makes screen readers announce it
// as soon as it appears, without moving focus away from what they were doing.
interface Props {
  message: string | null;
  id?: string;
}

export function ErrorAlert({ message, id }: Props) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert" id={id}>
      {message}
    </div>
  );
}
