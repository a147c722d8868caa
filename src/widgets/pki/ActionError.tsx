interface Props {
  error: { title: string; message: string } | null;
  /** A sentence saying what was kept, e.g. "Your CA and the boxes above are unchanged." */
  kept?: string;
}

/** A refused action, in the course's problem look: what happened, what to do, what was kept. */
export default function ActionError({ error, kept }: Props) {
  if (!error) return null;
  return (
    <div class="hs-json-problem hs-pki-error" role="alert">
      <div class="hs-json-problem__head">
        <span class="hs-json-problem__severity">Error</span>
        <strong class="hs-json-problem__title">{error.title}</strong>
      </div>
      <p class="hs-json-problem__message">{error.message}</p>
      {kept && <p class="hs-json-problem__message hs-note">{kept}</p>}
    </div>
  );
}
