/** How the last change of one file went: a polite status line, or an alert with the reason it was refused. */
export interface MediaFeedbackProps {
  readonly status: string | null;
  readonly error: string | null;
}

export function MediaFeedback({ status, error }: MediaFeedbackProps) {
  return (
    <>
      <p role="status" className="media-status">
        {status}
      </p>
      <div role="alert" className="form-alert">
        {error ? <p className="notice error">{error}</p> : null}
      </div>
    </>
  );
}
