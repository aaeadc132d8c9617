/** A status line, and a problem the person can act on (announced to screen readers). */
export function Notice({ status, problem }: { status?: string; problem?: string }) {
  return (
    <>
      {status && <p class="status">{status}</p>}
      {problem && (
        <p class="status problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
