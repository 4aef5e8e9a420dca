// A labelled progress bar with its value exposed to assistive technology
// (role=progressbar, aria-valuenow in percent), used while a new workstation
// receives its clinic's data.
interface Props {
  label: string;
  /** 0 to 1. */
  fraction: number;
  /** The full width of its container (a page's main progress), not the status bar's small bar. */
  wide?: boolean;
}

export function ProgressBar({ label, fraction, wide = false }: Props) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      className={wide ? 'progress progress--wide' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
    >
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
