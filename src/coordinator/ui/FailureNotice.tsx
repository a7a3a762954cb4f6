/** A refused request in plain words: the server's message and, when it names fields, each field's problem. */
import { ApiFailure, failureMessage } from '../api.ts';

export function FailureNotice({ failure }: { readonly failure: unknown }) {
  return (
    <div role="alert" className="form-alert">
      {failure ? (
        <div className="notice error">
          <p>{failureMessage(failure)}</p>
          {failure instanceof ApiFailure && failure.details.length > 0 ? (
            <ul>
              {failure.details.map((detail) => (
                <li key={`${detail.path}:${detail.message}`}>
                  {detail.path ? `${detail.path}: ` : ''}
                  {detail.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
