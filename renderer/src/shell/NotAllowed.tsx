// Shown when someone opens the address of a screen their capabilities do not
// cover. The core refuses the data anyway; this makes the refusal clear and calm.
import { ScreenHeading } from '../components/ScreenHeading';

interface Props {
  title: string;
}

export function NotAllowed({ title }: Props) {
  return (
    <div className="screen">
      <ScreenHeading>{title}</ScreenHeading>
      <div className="alert alert--error" role="alert">
        Your role does not have access to {title}. Ask a clinic administrator if you need it.
      </div>
    </div>
  );
}
